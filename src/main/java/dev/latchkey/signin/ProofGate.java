package dev.latchkey.signin;

import dev.latchkey.mfa.Verification;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.signin.SignInEvent.SecondFactorFailed;
import dev.latchkey.signin.SignInEvent.SecondFactorPassed;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.Users;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The one owner of the sequence that every second-factor check and every password proof of a known user goes through,
 * wherever it is asked (the sign-in code pages, the forced set-up, the Security page's disable, delete and re-enable):
 *
 * <ol>
 *   <li>is the account locked → {@link Result#LOCKED};
 *   <li>is it in a failure delay (5 free failures, then 1 s, 2 s, … up to 15 minutes) → {@link Result#THROTTLED};
 *   <li>otherwise reserve the attempt: it counts as a failure before it is checked, under the user's row lock, so
 *       simultaneous guesses are counted as they arrive and never more are checked than the policy allows (the
 *       admission itself is {@link Users#admitProof}, the one place that reads and writes the count);
 *   <li>verify;
 *   <li>a right answer clears the count; an answer that was never checked (malformed, no live code, expired) gives the
 *       reservation back; a wrong one keeps it;
 *   <li>audit the attempt, and email the user about the first wrong answer after a quiet spell (the one whose
 *       reservation found the count at 0, so simultaneous wrong answers send exactly one alert);
 *   <li>lock the account at the limit (100 by default), which ends its sessions and emails the user.
 * </ol>
 */
@Service
public class ProofGate {

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
     * One proof: who, where, with what ({@code method}: a factor id such as {@code totp}, or {@code password}) and for
     * what ({@code purpose}, shown in the audit log; {@code null} for a sign-in).
     */
    public record Proof(Realm realm, long userId, String username, String method, String purpose, ClientInfo client) {}

    private final Users users;
    private final ApplicationEventPublisher events;
    private final SecurityAlerts alerts;

    ProofGate(Users users, ApplicationEventPublisher events, SecurityAlerts alerts) {
        this.users = users;
        this.events = events;
        this.alerts = alerts;
    }

    /** Runs {@code verifier} only when the account may try now, and counts, audits and locks around it. */
    public Outcome check(Proof proof, Supplier<Verification> verifier) {
        return run(proof, verifier, true);
    }

    /**
     * A proof whose account is only claimed until it passes: "Sign in with a passkey" names the account by the
     * credential it shows, and a credential id is no secret. The account's lock and delay still refuse it, and a pass
     * clears its count as any other; but a failure is not charged to the account, so a stranger who knows a credential
     * id cannot delay or lock its owner. It is audited; the caller charges the network it came from.
     */
    public Outcome checkClaimed(Proof proof, Supplier<Verification> verifier) {
        return run(proof, verifier, false);
    }

    private Outcome run(Proof proof, Supplier<Verification> verifier, boolean chargeAccount) {
        Users.ProofAdmission admission = users.admitProof(proof.userId());
        if (admission.locked()) {
            return Outcome.of(Result.LOCKED);
        }
        if (!admission.admitted()) {
            return new Outcome(Result.THROTTLED, null, admission.delayedUntil());
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
            events.publishEvent(new SecondFactorPassed(
                    proof.realm().key(), proof.userId(), proof.username(), proof.method(), proof.client()));
            return new Outcome(Result.PASSED, verification, null);
        }
        boolean charged = chargeAccount && verification.countsAsFailure();
        if (!charged) {
            users.releaseSecondFactorAttempt(proof.userId());
            if (verification.outcome() == Verification.Outcome.MALFORMED) {
                return new Outcome(Result.MALFORMED, verification, null);
            }
        }
        events.publishEvent(new SecondFactorFailed(
                proof.realm().key(),
                proof.userId(),
                proof.username(),
                proof.method(),
                reason(verification, proof),
                proof.purpose(),
                proof.client()));
        if (charged && admission.firstOfSpell()) {
            alerts.firstWrongAnswer(proof.userId(), proof.client());
        }
        if (charged && users.lockWhenOverLimit(proof.userId())) {
            return new Outcome(Result.LOCKED, verification, null);
        }
        return new Outcome(Result.REJECTED, verification, null);
    }

    private static String reason(Verification verification, Proof proof) {
        String outcome = verification.outcome().name();
        return proof.purpose() == null ? outcome : outcome + " (" + proof.purpose() + ")";
    }
}
