package dev.latchkey.signin;

import dev.latchkey.devices.RememberedBrowsers;
import dev.latchkey.mfa.CodeChallenge;
import dev.latchkey.mfa.Factor;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.FactorType;
import dev.latchkey.mfa.SendResult;
import dev.latchkey.mfa.Verification;
import dev.latchkey.shared.web.ReadableTime;
import dev.latchkey.sites.Realm;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Everything the code page shows: where the code went and whether it works here, how long it stays valid (relative,
 * plus the clock time in the reader's own zone where script can write it: the server does not know that zone), Resend,
 * delivery trouble, other factors.
 */
@Component
class CodePageModel {

    private final SignInFlow flow;
    private final Clock clock;
    private final RememberedBrowsers browsers;

    CodePageModel(SignInFlow flow, Clock clock, RememberedBrowsers browsers) {
        this.flow = flow;
        this.clock = clock;
        this.browsers = browsers;
    }

    void fill(Model model, Realm realm, PendingLogin pending, FactorType type, FactorSubject subject) {
        Factor factor = flow.factor(type);
        model.addAttribute("realm", realm);
        model.addAttribute("factor", type.id());
        model.addAttribute("sendsCode", factor.sendsCode());
        model.addAttribute("destination", factor.maskedDestination(subject));
        CodeChallenge challenge = factor.challenge(subject).orElse(null);
        // F-CODE-4: an SMS that cannot be delivered offers the email code in its place, where the user has one
        boolean emailOffer = type == FactorType.SMS
                && challenge != null
                && challenge.deliveryFailing()
                && pending.availableTypes().contains(FactorType.EMAIL);
        model.addAttribute("emailOffer", emailOffer);
        model.addAttribute(
                "others",
                pending.availableTypes().stream()
                        .filter(f -> f != type)
                        .filter(f -> !(emailOffer && f == FactorType.EMAIL))
                        .map(FactorType::id)
                        .toList());
        model.addAttribute("challenge", challenge);
        // F-DEVICE: offered where a sign-in completes with this factor; a step-up or a forced set-up follows otherwise
        boolean completes = !pending.stepUp() && !pending.setupRequired();
        model.addAttribute(
                "rememberDays",
                completes ? browsers.offeredDays(realm, pending.userId()).orElse(null) : null);
        model.addAttribute("resendWait", challenge == null ? 0L : secondsUntil(challenge.resendAvailableAt()));
        if (challenge != null && challenge.live()) {
            long expiresIn = secondsUntil(challenge.expiresAt());
            model.addAttribute("expiresIn", expiresIn);
            model.addAttribute("validMinutes", expiresIn < 60 ? 0 : Math.round(expiresIn / 60.0));
            // the clock time only for the local-time script: without it the page stays relative (no UTC to convert)
            model.addAttribute(
                    "expiresAt", ReadableTime.of(challenge.expiresAt()).iso());
        }
        if (challenge != null && challenge.status() == CodeChallenge.Status.WAITING) {
            model.addAttribute("goesOutIn", secondsUntil(challenge.sentAt()));
        }
    }

    String rejected(
            Model model,
            HttpServletResponse response,
            Realm realm,
            PendingLogin pending,
            FactorType type,
            FactorSubject subject,
            Verification result) {
        String key = switch (result.outcome()) {
            case MALFORMED -> "code.malformed";
            case EXPIRED -> "code.expired";
            case EXHAUSTED -> "code.exhausted";
            case NO_CHALLENGE -> "code.noChallenge";
            case SUPERSEDED -> "code.elsewhere";
            case NOT_SENT_YET -> "code.notSentYet";
            default ->
                switch (type) {
                    case TOTP -> "code.wrong.totp";
                    case BACKUP -> "code.wrong.backup";
                    default -> "code.wrong";
                };
        };
        HttpStatus status =
                result.outcome() == Verification.Outcome.MALFORMED ? HttpStatus.BAD_REQUEST : HttpStatus.UNAUTHORIZED;
        model.addAttribute("errorArg", result.attemptsLeft());
        return error(model, response, realm, pending, type, subject, status, key);
    }

    String throttled(
            Model model,
            HttpServletResponse response,
            Realm realm,
            PendingLogin pending,
            FactorType type,
            FactorSubject subject,
            SendResult sent,
            String key) {
        model.addAttribute("errorArg", secondsUntil(sent.retryAt()));
        return error(model, response, realm, pending, type, subject, HttpStatus.TOO_MANY_REQUESTS, key);
    }

    String error(
            Model model,
            HttpServletResponse response,
            Realm realm,
            PendingLogin pending,
            FactorType type,
            FactorSubject subject,
            HttpStatus status,
            String key) {
        fill(model, realm, pending, type, subject);
        model.addAttribute("error", key);
        response.setStatus(status.value());
        return "signin/code";
    }

    /** Whole seconds until {@code instant}, rounded up, never negative. */
    private long secondsUntil(Instant instant) {
        long millis = Duration.between(clock.instant(), instant).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }
}
