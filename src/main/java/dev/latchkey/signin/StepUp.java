package dev.latchkey.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import dev.latchkey.sites.Realm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Service;

/**
 * Step-up (issue 6 §3, ASVS V6): disabling or deleting a factor and generating backup codes need a second factor
 * passed within the last 10 minutes. A stale session is sent through the ordinary code pages once more, then back.
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

    /** Whether this session passed a second factor within the last 10 minutes. */
    public boolean fresh(HttpServletRequest request) {
        HttpSession current = request.getSession(false);
        Instant at = current == null ? null : (Instant) current.getAttribute(SignInSession.SECOND_FACTOR_AT);
        return at != null && clock.instant().isBefore(at.plus(FRESH_FOR));
    }

    /**
     * Starts a step-up and answers the page to send the user to; empty when the user has no second factor at all
     * (nothing to step up with, so the action proceeds on the password session).
     */
    public Optional<String> begin(HttpServletRequest request, HttpServletResponse response, Realm realm,
            LatchkeyPrincipal principal, String returnTo) {
        return flow.user(principal.userId())
                .flatMap(user -> flow.stepUp(realm, user, returnTo))
                .map(pending -> {
                    session.beginSecondStep(request, response, pending);
                    return starter.firstPage(realm, pending);
                });
    }
}
