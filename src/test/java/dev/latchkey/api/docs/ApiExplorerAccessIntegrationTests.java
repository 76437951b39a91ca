package dev.latchkey.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.AdminRole;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * The OpenAPI document and its explorer (F-API-3) are for signed-in system admins only: a site admin gets the refusal
 * page, a portal user and an anonymous visitor are sent to the admin sign-in, like on every admin page. Springdoc's
 * public default paths answer nobody.
 */
@IntegrationTest
class ApiExplorerAccessIntegrationTests {

    /** What springdoc serves, where this deployment moved it, and what a system admin gets. */
    static final List<String[]> ROUTES = List.of(
            new String[] {"/admin/api-docs", "200", "application/json"},
            new String[] {"/admin/api-docs.yaml", "200", "application/vnd.oai.openapi"},
            new String[] {"/admin/api-docs/swagger-config", "200", "application/json"},
            new String[] {"/admin/api-explorer", "302", "/admin/swagger-ui/index.html"},
            new String[] {"/admin/swagger-ui/index.html", "200", "text/html"},
            new String[] {"/admin/swagger-ui/swagger-initializer.js", "200", "text/javascript"},
            new String[] {"/admin/swagger-ui/swagger-ui-bundle.js", "200", "text/javascript"},
            new String[] {"/admin/swagger-ui/swagger-ui.css", "200", "text/css"});

    /** Springdoc's defaults: not mapped any more, and denied to everyone by the page chain. */
    static final List<String> DEFAULTS = List.of(
            "/v3/api-docs",
            "/v3/api-docs.yaml",
            "/v3/api-docs/swagger-config",
            "/swagger-ui.html",
            "/swagger-ui/index.html",
            "/swagger-ui/swagger-initializer.js",
            "/webjars/swagger-ui/index.html");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    MessageSource messages;

    @Test
    void aSystemAdminReadsTheDocumentAndOpensTheExplorer() {
        Browser admin = SignInSteps.admin(port, testUsers.admin().email(), TestUsers.PASSWORD, 1);
        SoftAssertions soft = new SoftAssertions();
        for (String[] route : ROUTES) {
            Page page = admin.get(route[0]);
            soft.assertThat(page.status()).as("%s: status", route[0]).isEqualTo(Integer.parseInt(route[1]));
            if (page.status() == 302) {
                soft.assertThat(page.location()).as("%s: redirect", route[0]).isEqualTo(route[2]);
            } else {
                soft.assertThat(page.header("Content-Type").orElse(""))
                        .as("%s: content type", route[0])
                        .startsWith(route[2]);
            }
        }
        soft.assertAll();
        Page document = admin.get("/admin/api-docs");
        assertThat(document.body()).contains("\"openapi\":\"3.1.0\"").contains("\"title\":\"Latchkey API\"");
        assertThat(admin.get("/admin/api-docs/swagger-config").body()).contains("\"url\":\"/admin/api-docs\"");
    }

    @Test
    void aSiteAdminIsRefused() {
        UserView siteAdmin = users.create(
                Realm.ADMIN,
                new NewUser(
                        "explorer-" + UUID.randomUUID().toString().substring(0, 8) + "@admin.test",
                        "Site Admin",
                        TestUsers.PASSWORD,
                        true,
                        null,
                        false,
                        AdminRole.SITE));
        users.assignSites(
                siteAdmin.id(), Set.of(sites.findBySlug("globex").orElseThrow().id()));
        Browser admin = SignInSteps.admin(port, siteAdmin.email(), TestUsers.PASSWORD, 1);
        String refusal = messages.getMessage("admin.refused", null, Locale.ENGLISH);
        SoftAssertions soft = new SoftAssertions();
        for (String[] route : ROUTES) {
            Page page = admin.get(route[0]);
            soft.assertThat(page.status()).as("%s: status", route[0]).isEqualTo(403);
            soft.assertThat(page.alerts()).as("%s: the refusal page", route[0]).isEqualTo(refusal);
            soft.assertThat(page.body()).as("%s: nothing of the API", route[0]).doesNotContain("Latchkey API");
        }
        soft.assertAll();
        assertThat(admin.get("/admin/users").status()).as("still signed in").isEqualTo(200);
    }

    @Test
    void aPortalUserAndAnAnonymousVisitorAreSentToTheAdminSignIn() {
        Browser anonymous = new Browser(port);
        UserView user = testUsers.portalUser("globex");
        Browser portalUser = new Browser(port);
        assertThat(SignInSteps.password(portalUser, "globex", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/globex/");
        SoftAssertions soft = new SoftAssertions();
        for (Browser visitor : List.of(anonymous, portalUser)) {
            for (String[] route : ROUTES) {
                Page page = visitor.get(route[0]);
                soft.assertThat(page.status()).as("%s: status", route[0]).isEqualTo(302);
                soft.assertThat(page.location()).as("%s: sign in", route[0]).isEqualTo("/admin/login");
            }
        }
        soft.assertAll();
    }

    @Test
    void springdocsDefaultPathsAnswerNobody() {
        Browser anonymous = new Browser(port);
        Browser admin = SignInSteps.admin(port, testUsers.admin().email(), TestUsers.PASSWORD, 1);
        SoftAssertions soft = new SoftAssertions();
        for (String path : DEFAULTS) {
            for (Browser visitor : List.of(anonymous, admin)) {
                Page page = visitor.get(path);
                soft.assertThat(page.status()).as("%s", path).isEqualTo(404);
                soft.assertThat(page.body()).as("%s", path).doesNotContain("Latchkey API", "swagger");
            }
        }
        soft.assertAll();
    }
}
