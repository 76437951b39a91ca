package dev.latchkey.signin;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import dev.latchkey.mfa.Factor;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.FactorType;
import dev.latchkey.mfa.SecondFactors;
import dev.latchkey.mfa.SendResult;
import dev.latchkey.mfa.Verification;
import dev.latchkey.mfa.backup.BackupCodes;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.signin.SignInEvent.PasswordStepFailed;
import dev.latchkey.signin.SignInEvent.PasswordStepSucceeded;
import dev.latchkey.signin.SignInEvent.SecondFactorFailed;
import dev.latchkey.signin.SignInEvent.SecondFactorPassed;
import dev.latchkey.sites.MfaPolicy;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.SecondStep;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/** The rules of a sign-in, free of HTTP: check the password, decide the second step, send and verify codes. */
@Service
class SignInFlow {

    static final Backoff SECOND_FACTOR = new Backoff(5, java.time.Duration.ofMinutes(15));

    private final Users users;
    private final MfaPolicy policy;
    private final SecondFactors factors;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final BackupCodes backupCodes;

    SignInFlow(
            Users users,
            MfaPolicy policy,
            SecondFactors factors,
            ApplicationEventPublisher events,
            Clock clock,
            BackupCodes backupCodes) {
        this.users = users;
        this.policy = policy;
        this.factors = factors;
        this.events = events;
        this.clock = clock;
        this.backupCodes = backupCodes;
    }

    Optional<UserView> checkPassword(Realm realm, String username, String password, ClientInfo client) {
        Optional<UserView> user = users.authenticate(realm, username, password);
        events.publishEvent(user.<SignInEvent>map(u -> new PasswordStepSucceeded(realm.key(), u.id(), u.email(), client))
                .orElseGet(() -> new PasswordStepFailed(realm.key(), username, client)));
        return user;
    }

    /** The second step this user owes after the password, or empty when the password was enough. */
    Optional<PendingLogin> secondStep(Realm realm, UserView user) {
        String loginId = PendingLogin.newLoginId();
        FactorSubject probe = subject(realm, user, loginId, policy.decide(realm, false, false));
        boolean hasAuthenticator = factors.available(probe, Sites.FACTORS).contains(FactorType.TOTP);
        SecondStep step = policy.decide(realm, user.mfaRequired(), hasAuthenticator);
        if (!step.required()) {
            return Optional.empty();
        }
        List<String> available = factors.available(subject(realm, user, loginId, step), step.allowedFactors())
                .stream()
                .map(FactorType::id)
                .toList();
        // F-POLICY-4: a 2FA-required user without an authenticator sets one up before reaching any page; when
        // they have another factor (a confirmed email), they pass it first, so a stolen password alone cannot
        // enrol the thief's phone
        boolean setupRequired = user.mfaRequired() && !hasAuthenticator;
        return Optional.of(new PendingLogin(loginId, user.id(), realm.key(), clock.instant(), step.allowedFactors(),
                step.codeTtl(), available, setupRequired, false, null));
    }

    /**
     * A step-up for a signed-in user: the factors the realm allows and the user has, whatever the policy says
     * about sign-in. Empty when the user has no second factor to step up with.
     */
    Optional<PendingLogin> stepUp(Realm realm, UserView user, String returnTo) {
        String loginId = PendingLogin.newLoginId();
        SecondStep step = policy.decide(realm, true, false);
        List<String> available = factors.available(subject(realm, user, loginId, step), step.allowedFactors())
                .stream()
                .map(FactorType::id)
                .toList();
        if (available.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PendingLogin(loginId, user.id(), realm.key(), clock.instant(), step.allowedFactors(),
                step.codeTtl(), available, false, false, returnTo));
    }

    Optional<FactorSubject> subject(Realm realm, PendingLogin pending) {
        SecondStep step = new SecondStep(true, pending.allowedFactors(), pending.codeTtl());
        return users.find(pending.userId()).map(user -> subject(realm, user, pending.loginId(), step));
    }

    Factor factor(FactorType type) {
        return factors.get(type).orElseThrow();
    }

    SendResult send(FactorSubject subject, FactorType type) {
        return factor(type).send(subject);
    }

    /**
     * Verifies an answer. Every wrong answer also counts against the user, across sessions and nodes; a new code
     * never resets that count, only a successful second factor does.
     */
    Verification verify(FactorSubject subject, FactorType type, String answer, ClientInfo client) {
        Verification result = factor(type).verify(subject, answer);
        String realm = subject.realm().key();
        if (result.accepted()) {
            users.recordSecondFactorSuccess(subject.userId());
            events.publishEvent(new SecondFactorPassed(realm, subject.userId(), subject.email(), type.id(), client));
        } else if (result.outcome() != Verification.Outcome.MALFORMED) {
            if (result.countsAsFailure()) {
                users.recordSecondFactorFailure(subject.userId());
            }
            events.publishEvent(new SecondFactorFailed(
                    realm, subject.userId(), subject.email(), type.id(), result.outcome().name(), client));
        }
        return result;
    }

    /** A wrong code during forced set-up: counted and audited like any wrong second factor. */
    void setupFailed(Realm realm, UserView user, ClientInfo client) {
        users.recordSecondFactorFailure(user.id());
        events.publishEvent(new SecondFactorFailed(realm.key(), user.id(), user.email(), FactorType.TOTP.id(),
                "SETUP_REJECTED", client));
    }

    void signedIn(Realm realm, UserView user, String factor, ClientInfo client) {
        events.publishEvent(new SignInEvent.SignedIn(realm.key(), user.id(), user.email(), factor, client));
    }

    Optional<UserView> user(long userId) {
        return users.find(userId);
    }

    /**
     * NIST SP 800-63B rate limiting before the 100-failure lock: after 5 consecutive wrong answers each further
     * one doubles the wait (1 s, 2 s, … up to 15 minutes), across sessions and nodes.
     */
    Optional<java.time.Instant> secondFactorBlockedUntil(long userId) {
        return users.find(userId).flatMap(u -> SECOND_FACTOR.blockedUntil(
                u.secondFactorFailures(), u.secondFactorFailedAt(), clock.instant()));
    }

    int backupCodesLeft(long userId) {
        return backupCodes.remaining(userId);
    }

    boolean locked(long userId) {
        return users.find(userId).map(UserView::locked).orElse(true);
    }

    private static FactorSubject subject(Realm realm, UserView user, String loginId, SecondStep step) {
        return new FactorSubject(
                user.id(),
                user.displayName(),
                user.email(),
                user.emailConfirmed(),
                user.phone(),
                realm,
                loginId,
                step.codeTtl(),
                LocaleContextHolder.getLocale());
    }
}
