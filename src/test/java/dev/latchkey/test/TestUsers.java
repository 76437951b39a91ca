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
import org.springframework.stereotype.Component;

/**
 * Makes a fresh user per test, so per-user limits (resend throttle, failure count) of one test never leak into another.
 */
@Component
public class TestUsers {

    public static final String PASSWORD = "correct horse battery staple";

    private final Users users;
    private final Sites sites;
    private final Authenticators authenticators;
    private final Clock clock;

    TestUsers(Users users, Sites sites, Authenticators authenticators, Clock clock) {
        this.users = users;
        this.sites = sites;
        this.authenticators = authenticators;
        this.clock = clock;
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
        return users.create(realm, new NewUser(email(slug), "Test User", PASSWORD, true, null, mfaRequired, null));
    }

    /** A user with no second factor at all (no confirmed email, no phone, no authenticator). */
    public UserView portalUserWithoutFactor(String slug) {
        Realm realm = sites.findBySlug(slug).orElseThrow().realm();
        return users.create(realm, new NewUser(email(slug), "Test User", PASSWORD, false, null, false, null));
    }

    public UserView admin() {
        return users.create(
                Realm.ADMIN, new NewUser(email("admin"), "Test Admin", PASSWORD, true, null, false, AdminRole.SYSTEM));
    }

    private static String email(String where) {
        return "u-" + UUID.randomUUID().toString().substring(0, 12) + "@" + where + ".test";
    }
}
