package dev.latchkey.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** F-CONTACT-4: portal users see their email and phone read-only, and no request can change them. */
@IntegrationTest
class ContactDetailsReadOnlyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Test
    void emailAndPhoneAreShownReadOnlyAndEveryAttemptToChangeThemIsRefused() {
        Realm acme = sites.findBySlug("acme").orElseThrow().realm();
        UserView user = users.create(
                acme,
                new NewUser(
                        "ro-" + System.nanoTime() + "@acme.test",
                        "Read Only",
                        TestUsers.PASSWORD,
                        true,
                        "+31612345678",
                        false,
                        null));
        Browser browser = new Browser(port);
        SignInSteps.signInWithEmail(browser, "acme", user.email(), TestUsers.PASSWORD, 1);

        Page security = browser.get("/sites/acme/account/security");
        assertThat(security.document().selectFirst("#account-email").text()).isEqualTo(user.email());
        assertThat(security.document().selectFirst("#account-phone").text()).isEqualTo("+31612345678");
        assertThat(security.document().select("input[name=email], input[name=phone]"))
                .isEmpty();
        assertThat(security.body()).contains("managed by Acme Leasing");

        String csrf = security.document().selectFirst("input[name=_csrf]").attr("value");
        Map<String, String> change = Map.of("_csrf", csrf, "email", "evil@attacker.test", "phone", "+15555550100");
        for (String path : new String[] {
            "/sites/acme/account/security",
            "/sites/acme/account/profile",
            "/sites/acme/account/security/contact",
            "/sites/acme/account"
        }) {
            Page refused = browser.post(path, change);
            assertThat(refused.status()).as(path).isBetween(400, 499);
        }
        UserView after = users.find(user.id()).orElseThrow();
        assertThat(after.email()).isEqualTo(user.email());
        assertThat(after.phone()).isEqualTo("+31612345678");
    }
}
