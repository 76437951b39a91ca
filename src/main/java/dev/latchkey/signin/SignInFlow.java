package dev.latchkey.signin;

import dev.latchkey.mfa.Factor;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.FactorType;
import dev.latchkey.mfa.SecondFactors;
import dev.latchkey.mfa.SendResult;
import dev.latchkey.mfa.TwoFactorSetup;
import dev.latchkey.mfa.backup.BackupCodes;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.signin.SignInEvent.PasswordStepFailed;
import dev.latchkey.signin.SignInEvent.PasswordStepSucceeded;
import dev.latchkey.sites.MfaPolicy;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.SecondStep;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/** The rules of a sign-in, free of HTTP: check the password, decide the second step, send and verify codes. */
@Service
class SignInFlow {

    private final Users users;
    private final MfaPolicy policy;
    private final SecondFactors factors;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final BackupCodes backupCodes;
    private final TwoFactorSetup setup;

    SignInFlow(
            Users users,
            MfaPolicy policy,
            SecondFactors factors,
            ApplicationEventPublisher events,
            Clock clock,
            BackupCodes backupCodes,
            TwoFactorSetup setup) {
        this.users = users;
        this.policy = policy;
        this.factors = factors;
        this.events = events;
        this.clock = clock;
        this.backupCodes = backupCodes;
        this.setup = setup;
    }

    Optional<UserView> checkPassword(Realm realm, String username, String password, ClientInfo client) {
        Optional<UserView> user = users.authenticate(realm, username, password);
        events.publishEvent(
                user.<SignInEvent>map(u -> new PasswordStepSucceeded(realm.key(), u.id(), u.email(), client))
                        .orElseGet(() -> new PasswordStepFailed(realm.key(), username, client)));
        return user;
    }

    /** The second step this user owes after the password, or empty when the password was enough. */
    Optional<PendingLogin> secondStep(Realm realm, UserView user) {
        String loginId = PendingLogin.newLoginId();
        FactorSubject probe =
                subject(realm, user, loginId, policy.decide(realm, false, false).codeTtl());
        List<FactorType> has = factors.available(probe, Sites.FACTORS);
        boolean hasAuthenticator = has.contains(FactorType.TOTP);
        boolean hasPasskey = has.contains(FactorType.PASSKEY);
        SecondStep step = policy.decide(realm, user.mfaRequired(), hasAuthenticator || hasPasskey);
        if (!step.required()) {
            return Optional.empty();
        }
        List<FactorType> available =
                factors.available(subject(realm, user, loginId, step.codeTtl()), step.allowedFactors());
        // F-POLICY-4: a 2FA-required user without an authenticator (or a passkey the site takes) sets one up before
        // reaching any page; when they have another factor (a confirmed email), they pass it first, so a stolen
        // password alone cannot enrol the thief's phone
        boolean setupRequired = user.mfaRequired() && !hasAuthenticator && !available.contains(FactorType.PASSKEY);
        String setupFactor = null;
        if (step.phishingResistant()) {
            // F-ASSURANCE: only a passkey passes; a user without one registers one at this sign-in, the same way
            setupRequired = !available.contains(FactorType.PASSKEY);
            setupFactor = FactorType.PASSKEY.id();
            if (!setupRequired) {
                available = List.of(FactorType.PASSKEY);
            }
        }
        return Optional.of(PendingLogin.of(
                        loginId,
                        user.id(),
                        realm.key(),
                        clock.instant(),
                        FactorType.fromIds(step.allowedFactors()),
                        step.codeTtl(),
                        available,
                        setupRequired,
                        false,
                        null)
                .withSetupFactor(setupFactor));
    }

    /**
     * A step-up for a signed-in user: the factors the realm allows and the user has, whatever the policy says about
     * sign-in. Empty when the user has no second factor to step up with.
     */
    Optional<PendingLogin> stepUp(Realm realm, UserView user, String returnTo) {
        String loginId = PendingLogin.newLoginId();
        SecondStep step = policy.decide(realm, true, false);
        List<FactorType> available =
                factors.available(subject(realm, user, loginId, step.codeTtl()), step.allowedFactors());
        if (available.contains(FactorType.PASSKEY) && passkeyRequired(realm, user)) {
            // F-ASSURANCE: where the site requires a passkey of this user, a phishable code is no step-up
            available = List.of(FactorType.PASSKEY);
        }
        if (available.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PendingLogin.of(
                loginId,
                user.id(),
                realm.key(),
                clock.instant(),
                FactorType.fromIds(step.allowedFactors()),
                step.codeTtl(),
                available,
                false,
                false,
                returnTo));
    }

    /**
     * F-LOGIN-3: the factors this login may still use, by the site's policy <em>now</em>. An admin who removes a factor
     * reaches logins already in progress at their next request. F-ASSURANCE: where the site now requires a passkey of
     * this user, a sign-in begun before goes on only with a passkey (with none, nowhere: the next password step sets
     * one up), and no forced authenticator set-up.
     */
    PendingLogin current(Realm realm, PendingLogin pending) {
        if (passkeyNowRequired(realm, pending)) {
            return pending.passkeyOnly(hasPasskey(realm, pending));
        }
        java.util.Set<FactorType> allowed =
                FactorType.fromIds(policy.decide(realm, true, false).allowedFactors());
        if (allowed.containsAll(pending.availableTypes())) {
            return pending;
        }
        return pending.restrictedTo(allowed);
    }

    /**
     * F-ASSURANCE: whether this sign-in may go on only with a passkey that it was not limited to when it began: the
     * site requires one of this user now. Never a step-up, a passkey-only sign-in or a passkey set-up.
     */
    boolean passkeyNowRequired(Realm realm, PendingLogin pending) {
        if (pending.stepUp() || pending.passkeySetup() || pending.passkeyOnly()) {
            return false;
        }
        return users.find(pending.userId())
                .map(user -> passkeyRequired(realm, user))
                .orElse(false);
    }

    /** F-ASSURANCE: whether the site requires phishing-resistant sign-in (a passkey) of this user now. */
    private boolean passkeyRequired(Realm realm, UserView user) {
        return policy.decide(realm, user.mfaRequired(), true).phishingResistant();
    }

    private boolean hasPasskey(Realm realm, PendingLogin pending) {
        return subject(realm, pending)
                .map(subject -> factors.available(subject, java.util.Set.of(FactorType.PASSKEY.id()))
                        .contains(FactorType.PASSKEY))
                .orElse(false);
    }

    Optional<FactorSubject> subject(Realm realm, PendingLogin pending) {
        return users.find(pending.userId()).map(user -> subject(realm, user, pending.loginId(), pending.codeTtl()));
    }

    Factor factor(FactorType type) {
        return factors.get(type).orElseThrow();
    }

    SendResult send(FactorSubject subject, FactorType type) {
        return factor(type).send(subject);
    }

    /**
     * F-PASSKEY: whether a passwordless sign-in by {@code user} may complete in {@code realm}: the site allows passkeys
     * (or requires them of this user).
     */
    boolean passwordlessAllowed(Realm realm, UserView user) {
        return policy.decide(realm, user.mfaRequired(), true).allowedFactors().contains(FactorType.PASSKEY.id());
    }

    /** Whether the realm offers "Sign in with a passkey" on its sign-in page. */
    boolean passwordlessOffered(Realm realm) {
        return policy.decide(realm, true, true).allowedFactors().contains(FactorType.PASSKEY.id());
    }

    /** A sign-in completed, after {@code factor} ({@code null}: the password alone). */
    void signedIn(Realm realm, UserView user, FactorType factor, ClientInfo client) {
        String factorId = factor == null ? null : factor.id();
        events.publishEvent(new SignInEvent.SignedIn(realm.key(), user.id(), user.email(), factorId, client));
    }

    /** A sign-in completed with the password and a remembered browser in place of the second factor (F-DEVICE). */
    void signedInRemembered(Realm realm, UserView user, ClientInfo client) {
        events.publishEvent(new SignInEvent.SignedIn(
                realm.key(), user.id(), user.email(), dev.latchkey.devices.RememberedBrowsers.SIGN_IN_METHOD, client));
    }

    /**
     * F-ADMIN-3: the date an admin deleted the user's 2FA setup, for every page of a sign-in's second step until a
     * sign-in completes; never in a step-up.
     */
    Optional<String> setupRemovedNotice(PendingLogin pending) {
        return pending.stepUp()
                ? Optional.empty()
                : setup.removedByAdmin(pending.userId()).map(SignInFlow::date);
    }

    /** A sign-in completed: the removal of the 2FA setup is told, and forgotten. Answers its date to tell now. */
    Optional<String> acknowledgeSetupRemoval(long userId) {
        return setup.acknowledgeRemoval(userId).map(SignInFlow::date);
    }

    /** A date in the page's language. UTC: Latchkey does not know the reader's time zone. */
    private static String date(Instant at) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(LocaleContextHolder.getLocale())
                .format(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    Optional<UserView> user(long userId) {
        return users.find(userId);
    }

    int backupCodesLeft(long userId) {
        return backupCodes.remaining(userId);
    }

    private static FactorSubject subject(Realm realm, UserView user, String loginId, Duration codeTtl) {
        return new FactorSubject(
                user.id(),
                user.displayName(),
                user.email(),
                user.emailConfirmed(),
                user.phone(),
                realm,
                loginId,
                codeTtl,
                LocaleContextHolder.getLocale());
    }
}
