package dev.latchkey.test;

import dev.latchkey.mfa.totp.Authenticators;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.AdminRole;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Makes a fresh user per test, so per-user limits (resend throttle, failure count) of one test never leak into another.
 *
 * <p>Its users' password is {@link #PASSWORD}, stored as one hash made once per application context by the
 * application's own encoder (a real Argon2id hash at the configured cost, shared by these users): one hash per user
 * cost about 40 s of each database's test run. The application itself is not changed: every password check, re-hash and
 * password change runs its encoder as in production.
 */
@Component
public class TestUsers {

    public static final String PASSWORD = "correct horse battery staple";

    private final Users users;
    private final Sites sites;
    private final Authenticators authenticators;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final Supplier<String> passwordHash;

    TestUsers(
            Users users,
            Sites sites,
            Authenticators authenticators,
            Clock clock,
            JdbcClient jdbc,
            PasswordEncoder encoder) {
        this.users = users;
        this.sites = sites;
        this.authenticators = authenticators;
        this.clock = clock;
        this.jdbc = jdbc;
        this.passwordHash = SingletonSupplier.of(() -> encoder.encode(PASSWORD));
    }

    /**
     * Enrols and confirms an authenticator for {@code user} of {@code realm} with a code of the current time step;
     * answers its secret. Move the clock on a step before signing in with it (each step is accepted once).
     */
    public String withAuthenticator(Realm realm, UserView user) {
        var enrolment =
                authenticators.enrolment(user.id(), realm.name(), user.email()).orElseThrow();
        String secret = enrolment.manualKey().replace(" ", "");
        if (!authenticators.confirm(realm, user.id(), IndependentTotp.code(secret, clock.instant()))) {
            throw new AssertionError("the authenticator was not confirmed");
        }
        return secret;
    }

    public UserView portalUser(String slug) {
        return portalUser(slug, false);
    }

    public UserView portalUser(String slug, boolean mfaRequired) {
        Realm realm = sites.findBySlug(slug).orElseThrow().realm();
        return withPassword(
                users.create(realm, new NewUser(email(slug), "Test User", null, true, null, mfaRequired, null)));
    }

    /** A user with no second factor at all (no confirmed email, no phone, no authenticator). */
    public UserView portalUserWithoutFactor(String slug) {
        Realm realm = sites.findBySlug(slug).orElseThrow().realm();
        return withPassword(users.create(realm, new NewUser(email(slug), "Test User", null, false, null, false, null)));
    }

    public UserView admin() {
        return withPassword(users.create(
                Realm.ADMIN, new NewUser(email("admin"), "Test Admin", null, true, null, false, AdminRole.SYSTEM)));
    }

    /** Gives a user made without a password the shared hash of {@link #PASSWORD}. */
    private UserView withPassword(UserView user) {
        jdbc.sql("update app_user set password_hash = ? where id = ?")
                .params(passwordHash.get(), user.id())
                .update();
        return user;
    }

    private static String email(String where) {
        return "u-" + UUID.randomUUID().toString().substring(0, 12) + "@" + where + ".test";
    }
}
