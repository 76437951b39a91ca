package dev.latchkey.signin;

import dev.latchkey.devices.RememberedBrowsers;
import dev.latchkey.mfa.FactorType;
import dev.latchkey.mfa.Verification;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.shared.web.RetryAfter;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The JSON side of the passkey steps (F-PASSKEY): reading a browser's answer with a size limit, answering with where to
 * go or a reason in the page's language, and what a passed passkey leads to: back from a step-up, on to a forced
 * set-up, or signed in.
 */
@Component
class PasskeyAnswers {

    /** The most a credential's JSON may hold; a real one is a few kilobytes. */
    static final int MAX_BODY = 64 * 1024;

    private final SignInSession session;
    private final SignInFlow flow;
    private final MessageSource messages;
    private final Clock clock;
    private final RememberedBrowsers browsers;

    PasskeyAnswers(
            SignInSession session, SignInFlow flow, MessageSource messages, Clock clock, RememberedBrowsers browsers) {
        this.session = session;
        this.flow = flow;
        this.messages = messages;
        this.clock = clock;
        this.browsers = browsers;
    }

    /** The request's body, or empty when it is larger than {@link #MAX_BODY} or cannot be read. */
    static Optional<String> body(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY) {
            return Optional.empty();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            return bytes.length > MAX_BODY ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException ex) {
            return Optional.empty();
        }
    }

    static ResponseEntity<String> options(String json) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }

    static ResponseEntity<Map<String, String>> goTo(String target) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("redirect", target));
    }

    ResponseEntity<Map<String, String>> error(HttpStatus status, String messageKey) {
        String text = messages.getMessage(messageKey, null, LocaleContextHolder.getLocale());
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", text));
    }

    /** A proof that did not pass, as a 4xx with its reason; a locked account's sign-in ends. */
    ResponseEntity<Map<String, String>> refused(
            ProofGate.Outcome outcome, HttpServletRequest request, HttpServletResponse response, Realm realm) {
        return switch (outcome.result()) {
            case LOCKED -> {
                session.abandon(request);
                yield error(HttpStatus.FORBIDDEN, "signin.locked");
            }
            case THROTTLED -> {
                RetryAfter.set(response, clock.instant(), outcome.until());
                yield error(HttpStatus.TOO_MANY_REQUESTS, "passkey.error.wait");
            }
            case MALFORMED -> error(HttpStatus.BAD_REQUEST, "passkey.error.malformed");
            default -> {
                Verification.Outcome why = outcome.verification().outcome();
                if (why == Verification.Outcome.NO_CHALLENGE && session.replacedMeanwhile(request)) {
                    // a double submit whose other half signed in: lead this browser on
                    yield goTo(realm.basePath() + "/");
                }
                yield why == Verification.Outcome.NO_CHALLENGE
                        ? error(HttpStatus.BAD_REQUEST, "passkey.error.expired")
                        : error(HttpStatus.UNAUTHORIZED, "passkey.error.rejected");
            }
        };
    }

    /**
     * A passed passkey at the second step: a step-up returns, a forced set-up follows, anything else is signed in, each
     * in a new session (as SecondStepController does for codes).
     */
    ResponseEntity<Map<String, String>> passed(
            Realm realm,
            PendingLogin pending,
            UserView user,
            ClientInfo client,
            HttpServletRequest request,
            HttpServletResponse response,
            boolean remember) {
        String lostRace = realm.basePath() + "/";
        if (pending.stepUp()) {
            return goTo(session.completeStepUp(request, response, pending).orElse(lostRace));
        }
        if (pending.setupRequired()) {
            return goTo(
                    session.continueSecondStep(request, response, pending.withSecondFactorPassed())
                            ? realm.basePath() + "/login/setup"
                            : lostRace);
        }
        ResponseEntity<Map<String, String>> signedIn = signIn(realm, user, client, request, response);
        // F-DEVICE: asked for on the passkey page as on the code page; the service decides whether it may
        browsers.rememberIfAsked(request, response, realm, user.id(), remember);
        return signedIn;
    }

    /** Signs the user in after a passkey (second step, passwordless, or a passkey made at a forced set-up). */
    ResponseEntity<Map<String, String>> signIn(
            Realm realm, UserView user, ClientInfo client, HttpServletRequest request, HttpServletResponse response) {
        Optional<String> target = session.complete(request, response, realm, user, true);
        if (target.isEmpty()) {
            return goTo(realm.basePath() + "/");
        }
        flow.signedIn(realm, user, FactorType.PASSKEY, client);
        Optional<String> setupRemoved = flow.acknowledgeSetupRemoval(user.id());
        if (setupRemoved.isPresent()) {
            String page = realm.basePath() + "/login/setup-removed";
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("setupRemovedOn", setupRemoved.get());
            flash.put("setupRemovedAfterFactor", true);
            flash.put("continueTo", target.get());
            RequestContextUtils.saveOutputFlashMap(page, request, response);
            return goTo(page);
        }
        return goTo(target.get());
    }
}
