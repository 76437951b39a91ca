package dev.latchkey.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.InvitationLinks;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** F-ADMIN-7: an admin creates a portal user, who gets the invitation of F-CONTACT-1. */
@IntegrationTest
class PortalUserIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    TestUsers testUsers;

    @Test
    void anAdminCreatesAPortalUserWhoIsInvited() {
        Browser admin = signedInAdmin();
        String email = email();
        Page created = admin.submit(
                admin.get("/admin/users/new"),
                "#new-user-form",
                Map.of("site", "globex", "name", "Grace Hopper", "email", email, "phone", "(650) 253-0000"));
        assertThat(created.location()).isEqualTo("/admin/users/new");
        Page after = admin.get(created.location());
        assertThat(after.document().select("#notice").text()).contains(email).contains("Globex Field Service");
        assertThat(after.alerts()).isEmpty();

        UserView user = users.findByEmail(realm("globex"), email).orElseThrow();
        assertThat(user.phone()).isEqualTo("+16502530000");
        assertThat(user.emailConfirmed()).isFalse();
        assertThat(user.adminRole()).isNull();
        assertThat(InvitationLinks.await(email, 1)).startsWith("/sites/globex/invitation/");
    }

    @Test
    void anUnreadablePhoneCreatesTheUserWithoutPhoneAndWarns() {
        Browser admin = signedInAdmin();
        String email = email();
        Page created = admin.submit(
                admin.get("/admin/users/new"),
                "#new-user-form",
                Map.of("site", "acme", "name", "No Phone", "email", email, "phone", "123"));
        assertThat(admin.get(created.location()).alerts()).contains("\"123\"").contains("too few digits");
        assertThat(users.findByEmail(realm("acme"), email).orElseThrow().phone())
                .isNull();
    }

    @Test
    void anEmailThatIsTakenOnTheSiteIsRefused() {
        UserView existing = testUsers.portalUser("acme");
        Browser admin = signedInAdmin();
        Page refused = admin.submit(
                admin.get("/admin/users/new"),
                "#new-user-form",
                Map.of("site", "acme", "name", "Twin", "email", existing.email().toUpperCase(), "phone", ""));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.alerts()).contains("already has this email address");
        assertThat(users.find(existing.id()).orElseThrow().displayName()).isEqualTo("Test User");
    }

    @Test
    void badInputIsA400AndCreatesNobody() {
        Browser admin = signedInAdmin();
        Page form = admin.get("/admin/users/new");
        String email = email();
        for (Map<String, String> bad : new Map[] {
            Map.of("site", "acme", "name", "No Email", "email", "", "phone", ""),
            Map.of("site", "nope", "name", "Bad Site", "email", email, "phone", ""),
            Map.of("site", "acme", "name", "", "email", email, "phone", ""),
            Map.of("site", "acme", "name", "Bad Mail", "email", "a@b", "phone", ""),
        }) {
            Page refused = admin.submit(form, "#new-user-form", bad);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.alerts()).as(bad.toString()).isNotBlank();
        }
        assertThat(users.findByEmail(realm("acme"), email)).isEmpty();
    }

    private Realm realm(String slug) {
        return sites.findBySlug(slug).orElseThrow().realm();
    }

    private Browser signedInAdmin() {
        return SignInSteps.admin(port, testUsers.admin().email(), TestUsers.PASSWORD, 1);
    }

    private static String email() {
        return "n-" + UUID.randomUUID().toString().substring(0, 12) + "@users.test";
    }
}
