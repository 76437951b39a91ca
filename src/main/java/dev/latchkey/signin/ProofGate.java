package dev.latchkey.signin;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import dev.latchkey.mfa.Verification;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.signin.SignInEvent.SecondFactorFailed;
import dev.latchkey.signin.SignInEvent.SecondFactorPassed;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13: the one owner of the sequence that every second-factor check and every password proof of a known user
 * goes through, wherever it is asked (the sign-in code pages, the forced set-up, the Security page's disable, delete
 * and re-enable):
 *
 * <ol>
 *   <li>is the account locked → {@link Result#LOCKED};
 *   <li>is it in a failure delay (5 free failures, then 1 s, 2 s, … up to 15 minutes) → {@link Result#THROTTLED};
 *   <li>otherwise reserve the attempt: it counts as a failure before it is checked, under the user's row lock, so
 *       simultaneous guesses are counted as they arrive and never more are checked than the policy allows;
 *   <li>verify;
 *   <li>a right answer clears the count; an answer that was never checked (malformed, no live code, expired) gives
 *       the reservation back; a wrong one keeps it;
 *   <li>audit the attempt, which also notifies the user of the first wrong answer after a quiet spell;
 *   <li>lock the account at the limit (100 by default), which ends its sessions and emails the user.
 * </ol>
 */
@Service
public class ProofGate {

    /** NIST SP 800-63B rate limiting before the lock: after 5 consecutive wrong answers each further one doubles. */
    static final Backoff DELAY = new Backoff(5, java.time.Duration.ofMinutes(15));

    /** What came of one check. */
    public enum Result {
        PASSED,
        /** Wrong, or unusable (expired, no live code); {@link Outcome#verification()} says which. */
        REJECTED,
        /** In a failure delay until {@link Outcome#until()}; nothing was checked. */
        THROTTLED,
        /** The account is locked, or locked itself with this answer. */
        LOCKED,
        /** Not even shaped like an answer; not counted. */
        MALFORMED
    }

    /** @param verification the factor's answer for PASSED and REJECTED; @param until the end of a delay */
    public record Outcome(Result result, Verification verification, Instant until) {

        static Outcome of(Result result) {
            return new Outcome(result, null, null);
        }

        public boolean passed() {
            return result == Result.PASSED;
        }
    }

    /**
     * One proof: who, where, with what ({@code method}: a factor id such as {@code totp}, or {@code password}) and
     * for what ({@code purpose}, shown in the audit log; {@code null} for a sign-in).
     */
    public record Proof(Realm realm, long userId, String username, String method, String purpose, ClientInfo client) {}

    private final Users users;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ProofGate(Users users, ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.users = users;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Runs {@code verifier} only when the account may try now, and counts, audits and locks around it. */
    public Outcome check(Proof proof, Supplier<Verification> verifier) {
        Outcome admitted = transactions.execute(status -> reserve(proof.userId()));
        if (admitted != null) {
            return admitted;
        }
        Verification verification;
        try {
            verification = verifier.get();
        } catch (RuntimeException ex) {
            users.releaseSecondFactorAttempt(proof.userId());
            throw ex;
        }
        if (verification.accepted()) {
            users.recordSecondFactorSuccess(proof.userId());
            events.publishEvent(new SecondFactorPassed(proof.realm().key(), proof.userId(), proof.username(),
                    proof.method(), proof.client()));
            return new Outcome(Result.PASSED, verification, null);
        }
        if (!verification.countsAsFailure()) {
            users.releaseSecondFactorAttempt(proof.userId());
            if (verification.outcome() == Verification.Outcome.MALFORMED) {
                return new Outcome(Result.MALFORMED, verification, null);
            }
        }
        events.publishEvent(new SecondFactorFailed(proof.realm().key(), proof.userId(), proof.username(),
                proof.method(), reason(verification, proof), proof.client()));
        if (verification.countsAsFailure() && users.lockWhenOverLimit(proof.userId())) {
            return new Outcome(Result.LOCKED, verification, null);
        }
        return new Outcome(Result.REJECTED, verification, null);
    }

    /** Until when this user's answers are refused, if they are now (for pages that say so before any answer). */
    public Optional<Instant> delayedUntil(long userId) {
        return users.find(userId).flatMap(u -> delay(u, clock.instant()));
    }

    /** Null when the attempt is reserved, else why not. Runs under the user's row lock. */
    private Outcome reserve(long userId) {
        users.lockForUpdate(userId);
        Optional<UserView> user = users.find(userId);
        if (user.isEmpty() || user.get().locked()) {
            return Outcome.of(Result.LOCKED);
        }
        Optional<Instant> until = delay(user.get(), clock.instant());
        if (until.isPresent()) {
            return new Outcome(Result.THROTTLED, null, until.get());
        }
        users.reserveSecondFactorAttempt(userId);
        return null;
    }

    private static Optional<Instant> delay(UserView user, Instant now) {
        return DELAY.blockedUntil(user.secondFactorFailures(), user.secondFactorFailedAt(), now);
    }

    private static String reason(Verification verification, Proof proof) {
        String outcome = verification.outcome().name();
        return proof.purpose() == null ? outcome : outcome + " (" + proof.purpose() + ")";
    }
}
