package dev.latchkey.users;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import dev.latchkey.sites.Realm;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Portal and admin users. */
@Service
public class Users {

    private final UserRepository repository;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final int failureLimit;
    private volatile String dummyHash;

    Users(
            UserRepository repository,
            PasswordEncoder encoder,
            Clock clock,
            ApplicationEventPublisher events,
            @Value("${latchkey.signin.max-second-factor-failures:100}") int failureLimit) {
        this.repository = repository;
        this.encoder = encoder;
        this.clock = clock;
        this.events = events;
        this.failureLimit = failureLimit;
    }

    /** The login key of an email in a realm; the same email may sign in to several sites as separate users. */
    static String loginKey(Realm realm, String email) {
        return realm.key() + "|" + email.trim().toLowerCase(Locale.ROOT);
    }

    public Optional<UserView> find(long id) {
        return repository.findById(id).map(Users::view);
    }

    public Optional<UserView> findByEmail(Realm realm, String email) {
        return repository.findByLoginKey(loginKey(realm, email)).map(Users::view);
    }

    /**
     * Checks a password. An unknown user, a user without a password yet, a locked user and a wrong password all
     * take one hash computation and all answer empty, so neither the answer nor its timing tells them apart.
     */
    @Transactional
    public Optional<UserView> authenticate(Realm realm, String email, String password) {
        Optional<User> found = repository.findByLoginKey(loginKey(realm, email));
        if (found.isEmpty() || found.get().passwordHash() == null) {
            encoder.matches(password, dummyHash());
            return Optional.empty();
        }
        User user = found.get();
        if (!encoder.matches(password, user.passwordHash()) || user.lockedAt() != null) {
            return Optional.empty();
        }
        if (encoder.upgradeEncoding(user.passwordHash())) {
            repository.updatePasswordHash(user.id(), encoder.encode(password));
        }
        return Optional.of(view(user));
    }

    @Transactional
    public UserView create(Realm realm, NewUser draft) {
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
                clock.instant());
        return view(repository.save(user));
    }

    /** F-POLICY-4: sets or clears "2FA required" for a user; audited as {@link MfaRequirementChanged}. */
    @Transactional
    public void setMfaRequired(long userId, boolean required, String actor) {
        if (repository.updateMfaRequired(userId, required) == 1) {
            events.publishEvent(new MfaRequirementChanged(userId, required, actor));
        }
    }

    public boolean anyAdminExists() {
        return repository.existsByAdminRoleIsNotNull();
    }

    /**
     * Counts a wrong second-factor code against the user, across sessions and nodes; at the limit (NIST SP 800-63B:
     * at most 100 consecutive failures) the account locks. Resending a code never resets this count.
     */
    @Transactional
    public void recordSecondFactorFailure(long userId) {
        repository.incrementSecondFactorFailures(userId);
        repository.lockWhenOverLimit(userId, failureLimit, clock.instant());
    }

    @Transactional
    public void recordSecondFactorSuccess(long userId) {
        repository.resetSecondFactorFailures(userId);
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
                user.lockedAt() != null);
    }
}
