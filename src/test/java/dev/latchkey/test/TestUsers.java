package dev.latchkey.test;

import java.util.UUID;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.AdminRole;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import org.springframework.stereotype.Component;

/**
 * Makes a fresh user per test, so per-user limits (resend throttle, failure count) of one test never leak into
 * another.
 */
@Component
public class TestUsers {

    public static final String PASSWORD = "correct horse battery staple";

    private final Users users;
    private final Sites sites;

    TestUsers(Users users, Sites sites) {
        this.users = users;
        this.sites = sites;
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
        return users.create(Realm.ADMIN, new NewUser(email("admin"), "Test Admin", PASSWORD, true, null, false,
                AdminRole.SYSTEM));
    }

    private static String email(String where) {
        return "u-" + UUID.randomUUID().toString().substring(0, 12) + "@" + where + ".test";
    }
}
