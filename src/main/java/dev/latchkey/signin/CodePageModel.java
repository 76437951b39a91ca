package dev.latchkey.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import dev.latchkey.mfa.Factor;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.FactorType;
import dev.latchkey.mfa.SendResult;
import dev.latchkey.mfa.Verification;
import dev.latchkey.sites.Realm;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Everything the code page shows: where the code went, its expiry, Resend, delivery trouble, other factors. */
@Component
class CodePageModel {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final SignInFlow flow;
    private final Clock clock;

    CodePageModel(SignInFlow flow, Clock clock) {
        this.flow = flow;
        this.clock = clock;
    }

    void fill(Model model, Realm realm, PendingLogin pending, FactorType type, FactorSubject subject) {
        Factor factor = flow.factor(type);
        model.addAttribute("realm", realm);
        model.addAttribute("factor", type.id());
        model.addAttribute("sendsCode", factor.sendsCode());
        model.addAttribute("destination", factor.maskedDestination(subject));
        model.addAttribute(
                "others", pending.available().stream().filter(f -> !f.equals(type.id())).toList());
        factor.challenge(subject).ifPresentOrElse(challenge -> {
            model.addAttribute("challenge", challenge);
            model.addAttribute("expiresAtText", TIME.format(challenge.expiresAt()));
            model.addAttribute("expiresIn", secondsUntil(challenge.expiresAt()));
            model.addAttribute("resendWait", secondsUntil(challenge.resendAvailableAt()));
        }, () -> model.addAttribute("resendWait", 0L));
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
            default -> switch (type) {
                case TOTP -> "code.wrong.totp";
                case BACKUP -> "code.wrong.backup";
                default -> "code.wrong";
            };
        };
        HttpStatus status = result.outcome() == Verification.Outcome.MALFORMED
                ? HttpStatus.BAD_REQUEST
                : HttpStatus.UNAUTHORIZED;
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
