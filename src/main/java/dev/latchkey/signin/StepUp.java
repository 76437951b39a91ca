package dev.latchkey.signin;

import dev.latchkey.sites.Realm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Step-up (ASVS V6): disabling or deleting a factor and generating backup codes need a second factor passed within the
 * last 10 minutes. A stale session is sent through the ordinary code pages once more, then back.
 */
@Service
public class StepUp {

    static final Duration FRESH_FOR = Duration.ofMinutes(10);

    private final SignInFlow flow;
    private final SignInSession session;
    private final SecondStepStarter starter;
    private final Clock clock;

    StepUp(SignInFlow flow, SignInSession session, SecondStepStarter starter, Clock clock) {
        this.flow = flow;
        this.session = session;
        this.starter = starter;
        this.clock = clock;
    }

    /**
     * Whether {@code principal} passed a second factor in this session within the last 10 minutes. A second factor
     * another principal passed in the same browser never counts (SECURITY.md, "Step-up").
     */
    public boolean fresh(HttpServletRequest request, LatchkeyPrincipal principal) {
        Optional<Instant> at = session.secondFactorPassedAt(request, principal);
        return at.isPresent() && clock.instant().isBefore(at.get().plus(FRESH_FOR));
    }

    /**
     * Starts a step-up and answers the page to send the user to; empty when the user has no second factor at all
     * (nothing to step up with, so the action proceeds on the password session). When a simultaneous request of the
     * same session started one first, the page is {@code returnTo} without its query: nothing proceeds here.
     */
    public Optional<String> begin(
            HttpServletRequest request,
            HttpServletResponse response,
            Realm realm,
            LatchkeyPrincipal principal,
            String returnTo) {
        return flow.user(principal.userId())
                .flatMap(user -> flow.stepUp(realm, user, returnTo))
                .map(pending -> session.continueSecondStep(request, response, pending)
                        ? starter.firstPage(realm, pending)
                        : returnTo.replaceFirst("\\?.*", ""));
    }
}
