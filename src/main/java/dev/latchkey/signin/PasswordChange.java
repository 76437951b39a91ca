package dev.latchkey.signin;

import dev.latchkey.shared.web.BadInputException;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.shared.web.RetryAfter;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.PasswordChangeRefused;
import dev.latchkey.users.PasswordChanged;
import dev.latchkey.users.PasswordPolicy;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import dev.latchkey.users.Users.PasswordChangeResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * F-ACCOUNT-2, ASVS 5.0 V6.2.2/V6.2.3: the one owner of the rules of a signed-in user changing their own password on
 * the Security page, in this order:
 *
 * <ol>
 *   <li>a field longer than any password may be is bad input (400, one log line), nothing is checked;
 *   <li>the step-up rules of backup codes: a user with a second factor whose session has not passed one in the last 10
 *       minutes verifies first; what they typed is not kept;
 *   <li>the new password and its confirmation pass {@link PasswordPolicy};
 *   <li>the current password is checked as a password attempt of the sign-in page: reserved in {@link LoginThrottle}
 *       (per account and per address) before it is hashed, so a stolen session guesses no faster than the sign-in page
 *       allows; a wrong one keeps its reservation as a failure and is audited;
 *   <li>the new password is stored on condition that the hash checked is still the stored one, so of simultaneous
 *       changes with the same current password exactly one wins; a new password equal to the current one is refused;
 *   <li>the user's other sessions end when they asked for it; half-finished sign-ins (a password passed, the second
 *       factor not yet), begun with the old password, end in any case; this session goes on under a new id;
 *   <li>{@link PasswordChanged} is published: the audit entry and the notification email, in one transaction.
 * </ol>
 */
@Service
public class PasswordChange {

    private static final Logger log = LoggerFactory.getLogger(PasswordChange.class);

    /** What the user typed. {@code signOutOthers}: end every other session of theirs. */
    public record Input(String current, String password, String confirm, boolean signOutOthers) {

        boolean oversized() {
            return tooLong(current) || tooLong(password) || tooLong(confirm);
        }

        private static boolean tooLong(String value) {
            return value != null && value.length() > Users.MAX_PASSWORD_LENGTH;
        }
    }

    public enum Result {
        CHANGED,
        /** Verify with a second factor first: go to {@link Outcome#page()}. */
        STEP_UP,
        /** The input breaks a rule (blank, the password policy, same as the current one); nothing was checked. */
        REFUSED,
        WRONG_CURRENT,
        /** Too many wrong passwords: retry after {@link Outcome#retryAfter()}; nothing was checked. */
        THROTTLED,
        /** A simultaneous change replaced the password after it was checked; nothing changed here. */
        CHANGED_MEANWHILE
    }

    /**
     * @param page where to go for {@link Result#STEP_UP}
     * @param messageKey what to tell the user; its one argument is {@code argument}
     * @param retryAfter for {@link Result#THROTTLED}
     */
    public record Outcome(Result result, String page, String messageKey, long argument, Duration retryAfter) {

        static Outcome of(Result result, String messageKey, long argument) {
            return new Outcome(result, null, messageKey, argument, Duration.ZERO);
        }
    }

    private final Users users;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final StepUp stepUp;
    private final SignInSession session;
    private final Sessions sessions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PasswordChange(
            Users users,
            PasswordPolicy policy,
            LoginThrottle throttle,
            StepUp stepUp,
            SignInSession session,
            Sessions sessions,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.users = users;
        this.policy = policy;
        this.throttle = throttle;
        this.stepUp = stepUp;
        this.session = session;
        this.sessions = sessions;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Changes the password of {@code me} in {@code realm}, or answers why not.
     *
     * @throws BadInputException when a field is longer than any password may be; nothing was checked or changed
     */
    public Outcome change(
            Realm realm, LatchkeyPrincipal me, Input input, HttpServletRequest request, HttpServletResponse response) {
        if (input.oversized()) {
            log.info(
                    "Password change refused on {} for user {}: a field is longer than {} characters",
                    realm.key(),
                    me.userId(),
                    Users.MAX_PASSWORD_LENGTH);
            throw new BadInputException("security.password.tooLong");
        }
        if (!stepUp.fresh(request, me)) {
            Optional<String> page = stepUp.begin(
                    request,
                    response,
                    realm,
                    me,
                    realm.basePath() + "/account/security?verified=password#change-password");
            if (page.isPresent()) {
                return new Outcome(Result.STEP_UP, page.get(), null, 0, Duration.ZERO);
            }
        }
        UserView user = users.find(me.userId()).orElseThrow(NotFoundException::new);
        if (input.current() == null || input.current().isEmpty()) {
            return Outcome.of(Result.REFUSED, "security.password.currentBlank", 0);
        }
        Optional<String> problem = policy.problem(
                input.password(), input.confirm(), new PasswordPolicy.Context(realm.name(), user.email()));
        if (problem.isPresent()) {
            return Outcome.of(Result.REFUSED, problem.get(), policy.minLength());
        }
        ClientInfo client = ClientInfo.of(request);
        String accountKey = LoginThrottle.accountKey(realm.key(), user.email());
        String addressKey = LoginThrottle.addressKey(client.ip());
        // reserved before the slow hash, exactly as on the sign-in page (SECURITY.md, "Parallel guesses")
        Optional<Instant> blocked = throttle.reserve(accountKey, addressKey);
        if (blocked.isPresent()) {
            Duration wait = Duration.between(clock.instant(), blocked.get());
            return new Outcome(Result.THROTTLED, null, "security.password.throttled", RetryAfter.minutes(wait), wait);
        }
        PasswordChangeResult result;
        try {
            result = users.changePassword(user.id(), input.current(), input.password());
        } catch (RuntimeException unchecked) {
            // too busy to hash, or anything else that kept the password from being checked: nothing counts
            throttle.release(accountKey, addressKey);
            throw unchecked;
        }
        if (result == PasswordChangeResult.WRONG_CURRENT) {
            // the reservation stands as the failure
            events.publishEvent(new PasswordChangeRefused(user.id(), realm.key(), client));
            return Outcome.of(Result.WRONG_CURRENT, "security.password.wrongCurrent", 0);
        }
        throttle.succeeded(accountKey, addressKey);
        return switch (result) {
            case SAME_AS_CURRENT -> Outcome.of(Result.REFUSED, "security.password.same", 0);
            case CHANGED_MEANWHILE -> Outcome.of(Result.CHANGED_MEANWHILE, "security.password.changedMeanwhile", 0);
            default -> changed(realm, user, input.signOutOthers(), client, request, response);
        };
    }

    private Outcome changed(
            Realm realm,
            UserView user,
            boolean signOutOthers,
            ClientInfo client,
            HttpServletRequest request,
            HttpServletResponse response) {
        String here = request.getSession().getId();
        int ended = signOutOthers
                ? sessions.endAllExcept(realm.key(), user.id(), here)
                : sessions.endHalfFinished(realm.key(), user.id(), here);
        // after the others ended, so that this session's row is found under the id it had until now
        session.rotate(request, response);
        transactions.executeWithoutResult(status ->
                events.publishEvent(new PasswordChanged(user.id(), realm.key(), signOutOthers, ended, client)));
        return Outcome.of(
                Result.CHANGED,
                signOutOthers ? "security.password.changedSignedOut" : "security.password.changed",
                ended);
    }
}
