package dev.latchkey.users;

import dev.latchkey.phones.PhoneNumbers;
import dev.latchkey.sites.Realm;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Portal and admin users. */
@Service
public class Users {

    /** Longest password the password step accepts. */
    public static final int MAX_PASSWORD_LENGTH = 1024;

    private final UserRepository repository;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AdminSiteStore adminSites;
    private final UserRowLocks rowLocks;
    private final int failureLimit;
    private final PasswordPolicy passwords;
    private final PhoneNumbers phones;
    private volatile String dummyHash;

    Users(
            UserRepository repository,
            PasswordEncoder encoder,
            Clock clock,
            ApplicationEventPublisher events,
            AdminSiteStore adminSites,
            UserRowLocks rowLocks,
            PasswordPolicy passwords,
            PhoneNumbers phones,
            @Value("${latchkey.signin.max-second-factor-failures:100}") int failureLimit) {
        this.passwords = passwords;
        this.phones = phones;
        this.adminSites = adminSites;
        this.rowLocks = rowLocks;
        this.repository = repository;
        this.encoder = encoder;
        this.clock = clock;
        this.events = events;
        this.failureLimit = failureLimit;
    }

    /** The login key of an email in a realm; the same email may sign in to several sites as separate users. */
    static String loginKey(Realm realm, String email) {
        return loginKey(realm.key(), email);
    }

    private static String loginKey(String realmKey, String email) {
        return realmKey + "|" + email.trim().toLowerCase(Locale.ROOT);
    }

    /** The realm key a stored user's login key starts with: the site's slug, or {@code admin}. */
    private static String realmKeyOf(User user) {
        return user.loginKey().substring(0, user.loginKey().indexOf('|'));
    }

    public Optional<UserView> find(long id) {
        return repository.findById(id).map(Users::view);
    }

    public Optional<UserView> findByEmail(Realm realm, String email) {
        return repository.findByLoginKey(loginKey(realm, email)).map(Users::view);
    }

    /**
     * Checks a password. An unknown user, a user without a password yet, a locked user and a wrong password all take
     * one hash computation and all answer empty, so neither the answer nor its timing tells them apart. No transaction:
     * a database connection is not held while the hash is computed or waits for a hashing thread. A hash whose
     * parameters differ from the configured ones is replaced by one with the configured parameters.
     */
    public Optional<UserView> authenticate(Realm realm, String email, String password) {
        Optional<User> found = repository.findByLoginKey(loginKey(realm, email));
        if (!passwordOf(found, password)) {
            return Optional.empty();
        }
        User user = found.get();
        if (encoder.upgradeEncoding(user.passwordHash())) {
            // conditional: a reset or change that landed while this sign-in hashed the old password stays
            repository.replacePasswordHash(user.id(), user.passwordHash(), encoder.encode(password));
        }
        return Optional.of(view(user));
    }

    /**
     * Creates a user.
     *
     * @throws EmailTakenException when the realm already has a user with this email
     */
    @Transactional
    public UserView create(Realm realm, NewUser draft) {
        if (repository.findByLoginKey(loginKey(realm, draft.email())).isPresent()) {
            throw new EmailTakenException();
        }
        String hash = draft.password() == null ? null : encoder.encode(draft.password());
        User user = new User(
                null,
                realm.siteId(),
                loginKey(realm, draft.email()),
                draft.email().trim(),
                draft.displayName(),
                hash,
                draft.emailConfirmed(),
                draft.phone(),
                draft.mfaRequired(),
                draft.adminRole(),
                0,
                null,
                null,
                clock.instant(),
                null);
        try {
            return view(repository.save(user));
        } catch (RuntimeException ex) {
            throw duplicateKey(ex) ? new EmailTakenException() : ex;
        }
    }

    /**
     * Gives the user a new email address, which is also their username, and clears any pending one. Only
     * {@link ContactChanges} calls this, for a user who has no password yet; the confirmed flag is left as it is.
     *
     * @throws EmailTakenException when another user of the same realm signs in with this email; nothing is changed
     */
    @Transactional
    void storeEmail(long userId, String email) {
        User user = row(userId);
        String key = requireFree(user, email);
        try {
            repository.updateEmail(userId, email.trim(), key);
        } catch (RuntimeException ex) {
            throw duplicateKey(ex) ? new EmailTakenException() : ex;
        }
    }

    /**
     * Keeps a new email address apart until the user confirms it (null: none); the login does not change. Only
     * {@link ContactChanges} calls this.
     *
     * @throws EmailTakenException when another user of the same realm signs in with this email; nothing is changed
     */
    @Transactional
    void storePendingEmail(long userId, String email) {
        User user = row(userId);
        if (email != null) {
            requireFree(user, email);
        }
        repository.updatePendingEmail(userId, email == null ? null : email.trim());
    }

    /**
     * Stores a phone, a valid E.164 number ({@link PhoneNumbers#isValidE164}) or null. Only {@link ContactChanges}
     * calls this.
     */
    @Transactional
    void storePhone(long userId, String phone) {
        if (phone != null && !phones.isValidE164(phone)) {
            throw new IllegalArgumentException("phone must be E.164 or null");
        }
        repository.updatePhone(userId, phone);
    }

    /**
     * Makes the pending address the user's confirmed login, provided it is still {@code email}, the address the
     * confirmation link went to. Only {@link EmailConfirmations} calls this.
     *
     * @return false, with nothing changed, when the pending address is another one by now
     * @throws EmailTakenException when another user of the realm took the address meanwhile; nothing is changed
     */
    @Transactional
    boolean confirmPendingEmail(long userId, String email) {
        User user = row(userId);
        String key = requireFree(user, email);
        try {
            return repository.confirmPendingEmail(userId, email, key) == 1;
        } catch (RuntimeException ex) {
            throw duplicateKey(ex) ? new EmailTakenException() : ex;
        }
    }

    /**
     * Whether {@code password} is the user's password, for a step that proves who is there without signing in. A locked
     * user, a user without a password and an unknown user all answer false after one hash computation. No transaction,
     * as in {@link #authenticate}.
     */
    public boolean passwordMatches(long userId, String password) {
        return passwordOf(repository.findById(userId), password);
    }

    /**
     * Whether {@code password} is the password of {@code user}, who exists, has chosen one and is not locked. Every
     * answer costs exactly one hash (a dummy one when there is nothing to compare), so its timing tells nothing.
     */
    private boolean passwordOf(Optional<User> user, String password) {
        if (user.isEmpty() || user.get().passwordHash() == null) {
            encoder.matches(password, dummyHash());
            return false;
        }
        return encoder.matches(password, user.get().passwordHash())
                && user.get().lockedAt() == null;
    }

    /** The login key {@code email} would have for this user; throws when another user of the realm has it. */
    private String requireFree(User user, String email) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("a user needs an email address");
        }
        String key = loginKey(realmKeyOf(user), email);
        Optional<User> holder = repository.findByLoginKey(key);
        if (holder.isPresent() && !holder.get().id().equals(user.id())) {
            throw new EmailTakenException();
        }
        return key;
    }

    private User row(long userId) {
        return repository.findById(userId).orElseThrow(() -> new IllegalArgumentException("no such user"));
    }

    /**
     * Stores a new password (hashed with the password encoder). Callers check what the person typed with
     * {@link PasswordPolicy} first; this only refuses lengths the policy never allows.
     */
    @Transactional
    public void setPassword(long userId, String password) {
        if (!passwords.lengthAllowed(password)) {
            throw new IllegalArgumentException("password length out of bounds");
        }
        if (repository.updatePasswordHash(userId, encoder.encode(password)) != 1) {
            throw new IllegalArgumentException("no such user");
        }
    }

    /** What came of {@link #changePassword}. */
    public enum PasswordChangeResult {
        CHANGED,
        /** Not the user's password (or the user is locked or has none); nothing changed. */
        WRONG_CURRENT,
        /** The right current password, typed again as the new one; nothing changed. */
        SAME_AS_CURRENT,
        /** The password was replaced by a simultaneous change after it was checked here; nothing changed. */
        CHANGED_MEANWHILE
    }

    /**
     * F-ACCOUNT-2: replaces the password when {@code current} is it. The store is conditional on the very hash that
     * {@code current} was checked against, so of simultaneous changes with the same current password exactly one wins.
     * Callers check {@code password} with {@link PasswordPolicy} first and throttle the attempt; this only refuses
     * lengths the policy never allows. No transaction around the two hashes, as in {@link #authenticate}.
     */
    public PasswordChangeResult changePassword(long userId, String current, String password) {
        if (!passwords.lengthAllowed(password)) {
            throw new IllegalArgumentException("password length out of bounds");
        }
        Optional<User> user = repository.findById(userId);
        if (!passwordOf(user, current)) {
            return PasswordChangeResult.WRONG_CURRENT;
        }
        if (current.equals(password)) {
            return PasswordChangeResult.SAME_AS_CURRENT;
        }
        int updated = repository.replacePasswordHash(userId, user.get().passwordHash(), encoder.encode(password));
        return updated == 1 ? PasswordChangeResult.CHANGED : PasswordChangeResult.CHANGED_MEANWHILE;
    }

    /** Marks a user's email address as confirmed, so that email codes may be sent to it (F-LOGIN-3). */
    @Transactional
    public void confirmEmail(long userId) {
        repository.confirmEmail(userId);
    }

    /** Whether the user has chosen a password yet; invited users have none until they accept. */
    boolean hasPassword(long userId) {
        return repository.findById(userId).map(u -> u.passwordHash() != null).orElse(false);
    }

    /** F-POLICY-4: sets or clears "2FA required" for a user; audited as {@link MfaRequirementChanged}. */
    @Transactional
    public void setMfaRequired(long userId, boolean required, String actor) {
        if (repository.updateMfaRequired(userId, required) == 1) {
            events.publishEvent(new MfaRequirementChanged(userId, required, actor));
        }
    }

    /** F-ADMIN-3 "Unlock": clears the lock and the failure count; audited and emailed as {@link UserUnlocked}. */
    @Transactional
    public void unlock(long userId, String actor) {
        if (repository.unlock(userId) == 1) {
            events.publishEvent(new UserUnlocked(userId, actor));
        }
    }

    /**
     * Holds the user's row lock until the caller's transaction ends, so that check-then-act sequences on one user (the
     * resend limit, replacing backup codes) run one at a time on every node.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void lockForUpdate(long userId) {
        rowLocks.lockForUpdate(userId);
    }

    /** An admin locks an account: no sign-in until unlocked, every session ends; audited and emailed. */
    @Transactional
    public void lock(long userId, String actor) {
        if (repository.lock(userId, clock.instant()) == 1) {
            events.publishEvent(new UserLocked(userId, actor));
        }
    }

    /** The sites a site admin manages (empty for system admins and portal users). */
    public Set<Long> sitesOf(long adminId) {
        return adminSites.sitesOf(adminId);
    }

    @Transactional
    public void assignSites(long adminId, Set<Long> siteIds) {
        adminSites.replace(adminId, siteIds);
    }

    public boolean anyAdminExists() {
        return repository.existsByAdminRoleIsNotNull();
    }

    /**
     * Counts a wrong second-factor code against the user, across sessions and nodes; at the limit (NIST SP 800-63B: at
     * most 100 consecutive failures) the account locks. Resending a code never resets this count.
     */
    @Transactional
    public void recordSecondFactorFailure(long userId) {
        repository.incrementSecondFactorFailures(userId, clock.instant());
        lockWhenOverLimit(userId);
    }

    /**
     * NIST SP 800-63B rate limiting of proofs before the lock at 100: after 5 consecutive wrong answers each further
     * one doubles the wait (1 s, 2 s, … up to 15 minutes), across sessions and nodes.
     */
    private static final Backoff PROOF_DELAY = new Backoff(5, java.time.Duration.ofMinutes(15));

    /** Whether a proof of this user may be checked now, and if so, whether it is the first of a spell. */
    public record ProofAdmission(boolean admitted, boolean locked, Instant delayedUntil, boolean firstOfSpell) {}

    /**
     * Under the user's row lock, refuses a proof of a locked account or one in its failure delay, and otherwise counts
     * the attempt as a failure <em>before</em> it is checked, so simultaneous guesses are counted as they arrive. A
     * right answer then clears the count ({@link #recordSecondFactorSuccess}); one that was never checked gives it back
     * ({@link #releaseSecondFactorAttempt}); a wrong one keeps it ({@link #lockWhenOverLimit}).
     */
    @Transactional
    public ProofAdmission admitProof(long userId) {
        lockForUpdate(userId);
        Optional<User> user = repository.findById(userId);
        if (user.isEmpty() || user.get().lockedAt() != null) {
            return new ProofAdmission(false, true, null, false);
        }
        Instant now = clock.instant();
        Optional<Instant> until = PROOF_DELAY.blockedUntil(
                user.get().secondFactorFailures(), user.get().secondFactorFailedAt(), now);
        if (until.isPresent()) {
            return new ProofAdmission(false, false, until.get(), false);
        }
        repository.incrementSecondFactorFailures(userId, now);
        return new ProofAdmission(true, false, null, user.get().secondFactorFailures() == 0);
    }

    /** Gives back a reserved attempt that was never checked (a malformed answer, no live code). */
    @Transactional
    public void releaseSecondFactorAttempt(long userId) {
        repository.decrementSecondFactorFailures(userId);
    }

    /** Locks the account when its failures reached the limit; answers whether it is locked now. */
    @Transactional
    public boolean lockWhenOverLimit(long userId) {
        if (repository.lockWhenOverLimit(userId, failureLimit, clock.instant()) == 1) {
            events.publishEvent(new UserLocked(userId, null));
        }
        return repository.findById(userId).map(u -> u.lockedAt() != null).orElse(true);
    }

    @Transactional
    public void recordSecondFactorSuccess(long userId) {
        repository.resetSecondFactorFailures(userId);
    }

    private static boolean duplicateKey(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = encoder.encode(UUID.randomUUID().toString());
            dummyHash = hash;
        }
        return hash;
    }

    private static UserView view(User user) {
        return new UserView(
                user.id(),
                user.siteId(),
                user.email(),
                user.displayName(),
                user.emailConfirmed(),
                user.phone(),
                user.mfaRequired(),
                user.adminRole(),
                user.secondFactorFailures(),
                user.secondFactorFailedAt(),
                user.lockedAt() != null,
                user.pendingEmail());
    }
}
