package dev.latchkey.test;

import java.util.UUID;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
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
        Realm realm = sites.findBySlug(slug).orElseThrow().realm();
        String email = "u-" + UUID.randomUUID().toString().substring(0, 12) + "@" + slug + ".test";
        return users.create(realm, new NewUser(email, "Test User", PASSWORD, true, null, false, null));
    }
}
