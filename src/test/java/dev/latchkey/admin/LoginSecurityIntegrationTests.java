package dev.latchkey.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.sites.MfaPolicy;
import dev.latchkey.sites.Realm;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.AdminRole;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** F-ADMIN-1 (plain for now): the switches on the Login &amp; Security page, and who may change them. */
@IntegrationTest
class LoginSecurityIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Autowired
    MfaPolicy policy;

    @AfterEach
    void restore() {
        policy.setAllSites(false, "test");
        policy.setPlatform(true, "test");
    }

    @Test
    void aSystemAdminSwitchesMfaOnForAllSitesAndTheNextSignInNeedsACode() {
        Browser admin = signedInAdmin(testUsers.admin());
        Page page = admin.get("/admin/login-security");
        assertThat(page.document().selectFirst("#allSites").hasAttr("checked")).isFalse();

        Page saved = admin.submit(page, "#mfa-switches", Map.of("allSites", "true", "platform", "true"));
        assertThat(saved.location()).isEqualTo("/admin/login-security?saved");
        assertThat(admin.get("/admin/login-security")
                        .document()
                        .selectFirst("#allSites")
                        .hasAttr("checked"))
                .isTrue();

        UserView carol = testUsers.portalUser("globex");
        assertThat(SignInSteps.password(new Browser(port), "globex", carol.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/globex/login/email");
    }

    @Test
    void aSiteAdminSeesThePoliciesReadOnlyAndAHandMadeChangeIsRefusedAsARefusal() {
        UserView siteAdmin = users.create(
                Realm.ADMIN,
                new NewUser(
                        "site-admin-" + System.nanoTime() + "@admin.test",
                        "Site Admin",
                        TestUsers.PASSWORD,
                        true,
                        null,
                        false,
                        AdminRole.SITE));
        Browser browser = signedInAdmin(siteAdmin);
        Page page = browser.get("/admin/login-security");
        assertThat(page.document().select("#mfa-switches"))
                .as("the system-wide switches")
                .isEmpty();
        assertThat(page.document().select("#site-policies button, #site-policies form"))
                .as("save buttons")
                .isEmpty();
        assertThat(page.document().select("#site-policies select:not([disabled])"))
                .isEmpty();
        assertThat(page.document().select("#read-only-note")).hasSize(1);
        assertThat(page.document().select("nav a[href='/admin/system-settings'], nav a[href='/admin/accounts']"))
                .as("tabs a site admin cannot use")
                .isEmpty();

        // the same request a system admin's page sends, made by hand with this admin's own form token
        String token =
                page.document().selectFirst("#logout-form input[name=_csrf]").attr("value");
        Page refused = browser.post("/admin/login-security", Map.of("_csrf", token, "allSites", "true"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.alerts())
                .contains("Only a system administrator can do this")
                .doesNotContain("expired");
        assertThat(policy.allSites()).isFalse();
    }

    @Test
    void portalUsersNeverReachTheAdminSite() {
        UserView user = testUsers.portalUser("globex");
        Browser browser = new Browser(port);
        SignInSteps.password(browser, "globex", user.email(), TestUsers.PASSWORD);
        assertThat(browser.get("/sites/globex/").status()).isEqualTo(200);
        assertThat(browser.get("/admin/login-security").location()).isEqualTo("/admin/login");
    }

    private Browser signedInAdmin(UserView admin) {
        return SignInSteps.admin(port, admin.email(), TestUsers.PASSWORD, 1);
    }
}
