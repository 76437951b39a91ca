package dev.latchkey.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.accounts.AccountKind;
import dev.latchkey.accounts.AccountView;
import dev.latchkey.accounts.Accounts;
import dev.latchkey.accounts.ContactView;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.SiteView;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * ADR 0006: a site admin reads their own sites' data and nothing of another site's. Signed in as a site admin of
 * {@code globex}, every admin route either shows globex's data and none of acme's (names, emails, phones, slugs,
 * policies), or is refused: accounts and contact persons belong to no site, so they are for system admins only.
 */
@IntegrationTest
class SiteAdminScopeIntegrationTests {

    static final String OWN = "globex";
    static final String OTHER = "acme";

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    Accounts accounts;

    @Autowired
    TestUsers testUsers;

    String tag;
    UserView mine;
    UserView theirs;
    AccountView account;
    ContactView contact;

    /** One row of the table: a route, the status a site admin gets, and what of their own it must show. */
    record Route(String path, int status, String ownSelector, List<String> ownTexts) {

        static Route shows(String path, String ownSelector, String... ownTexts) {
            return new Route(path, 200, ownSelector, List.of(ownTexts));
        }

        static Route refused(String path) {
            return new Route(path, 403, null, List.of());
        }

        static Route notFound(String path) {
            return new Route(path, 404, null, List.of());
        }

        static Route badInput(String path) {
            return new Route(path, 400, null, List.of());
        }
    }

    @BeforeEach
    void data() {
        tag = "scope" + UUID.randomUUID().toString().substring(0, 8);
        mine = portalUser(OWN, tag + "-mine", "Mine " + tag, "+31205551001");
        theirs = portalUser(OTHER, tag + "-theirs", "Theirs " + tag, "+31205552002");
        String number = "S-" + UUID.randomUUID().toString().substring(0, 8);
        account = accounts.create(number, "Account of " + tag, AccountKind.CUSTOMER, List.of());
        contact = accounts.addContact(account.id(), "Contact " + tag, tag + "-contact@customer.test", "+31205553003");
        // an audit event of each user, on their own site
        SignInSteps.password(new Browser(port), OWN, mine.email(), TestUsers.PASSWORD);
        SignInSteps.password(new Browser(port), OTHER, theirs.email(), TestUsers.PASSWORD);
    }

    @Test
    void everyAdminPageShowsASiteAdminOnlyTheirOwnSitesOrRefusesThem() {
        Browser browser = siteAdminOf(OWN);
        List<Route> routes = List.of(
                Route.shows("/admin/", null),
                Route.shows("/admin/users", "#u-site option[value=globex]"),
                Route.shows(
                        "/admin/users?q=" + tag,
                        "#u-site option[value=globex]",
                        mine.email(),
                        mine.displayName(),
                        mine.phone()),
                Route.shows("/admin/users/new", "#site option[value=globex]"),
                Route.shows("/admin/login-security", "tr.site-policy[data-site=globex]"),
                Route.shows("/admin/audit?user=" + tag, "#f-site option[value=globex]", mine.email()),
                Route.shows("/admin/audit.csv?user=" + tag, null, mine.email()),
                Route.badInput("/admin/users?site=" + OTHER),
                Route.badInput("/admin/audit?site=" + OTHER),
                Route.badInput("/admin/audit.csv?site=" + OTHER),
                Route.refused("/admin/accounts"),
                Route.refused("/admin/accounts?q=" + account.number()),
                Route.refused("/admin/accounts/" + account.number() + "/contacts"),
                Route.refused("/admin/contacts/new?account=" + account.number()),
                Route.refused("/admin/contacts/" + contact.id() + "/edit"),
                Route.refused("/admin/admins/new"),
                Route.refused("/admin/system-settings"),
                Route.refused("/admin/sites/" + OTHER + "/branding"),
                Route.refused("/admin/sites/" + OWN + "/branding"),
                Route.notFound("/admin/users/" + theirs.id() + "/delete-2fa"));

        SoftAssertions soft = new SoftAssertions();
        for (Route route : routes) {
            Page page = browser.get(route.path());
            soft.assertThat(page.status()).as("status of %s", route.path()).isEqualTo(route.status());
            assertShowsNothingOfOtherSites(soft, route.path(), page);
            if (route.ownSelector() != null) {
                soft.assertThat(page.document().select(route.ownSelector()))
                        .as("%s shows %s", route.path(), route.ownSelector())
                        .isNotEmpty();
            }
            for (String own : route.ownTexts()) {
                soft.assertThat(page.body())
                        .as("%s shows the admin's own site's data", route.path())
                        .contains(own);
            }
        }
        soft.assertAll();
    }

    @Test
    void everyAdminWriteOutsideTheScopeIsRefusedAndChangesNothing() {
        UserView theirsBefore = users.find(theirs.id()).orElseThrow();
        SiteView otherBefore = site(OTHER);
        Browser browser = siteAdminOf(OWN);
        String csrf = browser.get("/admin/users")
                .document()
                .selectFirst("input[name=_csrf]")
                .attr("value");
        String user = "/admin/users/" + theirs.id();
        String contacts = "/admin/contacts/" + contact.id();
        List<Route> writes = List.of(
                Route.refused("/admin/login-security"),
                Route.refused("/admin/login-security/sites/" + OTHER),
                Route.refused("/admin/users/new"),
                Route.refused("/admin/admins/new"),
                Route.refused("/admin/contacts/new?account=" + account.number()),
                Route.refused(contacts + "/edit"),
                Route.refused(contacts + "/promote"),
                Route.refused(contacts + "/invitation"),
                Route.refused("/admin/sites/" + OTHER + "/branding/color"),
                Route.refused("/admin/sites/" + OTHER + "/branding/logo/remove"),
                Route.refused("/admin/system-settings/sms"),
                Route.refused("/admin/system-settings/sms/test"),
                Route.notFound(user + "/2fa-required"),
                Route.notFound(user + "/delete-2fa"),
                Route.notFound(user + "/lock"),
                Route.notFound(user + "/unlock"),
                Route.notFound(user + "/password-reset"));
        Map<String, String> fields = Map.of(
                "_csrf",
                csrf,
                "site",
                OTHER,
                "account",
                account.number(),
                "name",
                "Changed " + tag,
                "email",
                tag + "-changed@acme.test",
                "mode",
                "off",
                "required",
                "true",
                "color",
                "#123456",
                "provider",
                "DEV_INBOX",
                "to",
                "+31205554004");

        SoftAssertions soft = new SoftAssertions();
        for (Route route : writes) {
            Page page = browser.post(route.path(), fields);
            soft.assertThat(page.status()).as("status of POST %s", route.path()).isEqualTo(route.status());
            assertShowsNothingOfOtherSites(soft, "POST " + route.path(), page);
        }
        soft.assertAll();
        assertThat(users.find(theirs.id()).orElseThrow()).isEqualTo(theirsBefore);
        assertThat(accounts.findContact(contact.id()).orElseThrow()).isEqualTo(contact);
        assertThat(site(OTHER)).isEqualTo(otherBefore);
        assertThat(users.findByEmail(site(OTHER).realm(), tag + "-changed@acme.test"))
                .isEmpty();
    }

    @Test
    void aSystemAdminStillSeesEverySite() {
        Browser browser = SignInSteps.admin(port, testUsers.admin().email(), TestUsers.PASSWORD, 1);
        for (SiteView site : sites.all()) {
            assertThat(browser.get("/admin/login-security")
                            .document()
                            .select("tr.site-policy[data-site=" + site.slug() + "]"))
                    .as(site.slug())
                    .hasSize(1);
            assertThat(browser.get("/admin/users/new").document().select("#site option[value=" + site.slug() + "]"))
                    .as(site.slug())
                    .hasSize(1);
        }
        Page contactsPage = browser.get("/admin/accounts/" + account.number() + "/contacts");
        assertThat(contactsPage.status()).isEqualTo(200);
        assertThat(contactsPage.body()).contains(contact.email());
        assertThat(browser.get("/admin/users?q=" + tag)
                        .document()
                        .select("#users-table tr[data-username]")
                        .eachAttr("data-username"))
                .containsExactlyInAnyOrder(mine.email(), theirs.email());
    }

    /** Nothing of acme's users, of the site-less accounts and contacts, or of any site but globex is on the page. */
    private void assertShowsNothingOfOtherSites(SoftAssertions soft, String what, Page page) {
        List<String> secrets = new ArrayList<>(List.of(
                theirs.email(),
                theirs.displayName(),
                theirs.phone(),
                account.number(),
                account.name(),
                contact.name(),
                contact.email(),
                contact.phone()));
        // the page may echo its own URL (the language links do); that tells the admin nothing new
        secrets.removeIf(what::contains);
        for (String secret : secrets) {
            soft.assertThat(page.body())
                    .as("%s shows another site's %s", what, secret)
                    .doesNotContain(secret);
        }
        for (SiteView site : sites.all()) {
            if (site.slug().equals(OWN)) {
                continue;
            }
            String slug = site.slug();
            soft.assertThat(page.document()
                            .select("[value=" + slug + "], [data-site=" + slug + "], a[href^=/sites/" + slug + "/]"))
                    .as("%s names site %s", what, slug)
                    .isEmpty();
            soft.assertThat(page.body())
                    .as("%s names site %s", what, site.name())
                    .doesNotContain(site.name());
        }
    }

    private Browser siteAdminOf(String slug) {
        UserView admin = users.create(
                Realm.ADMIN,
                new NewUser(
                        tag + "-admin@admin.test",
                        "Site Admin " + tag,
                        TestUsers.PASSWORD,
                        true,
                        null,
                        false,
                        AdminRole.SITE));
        users.assignSites(admin.id(), Set.of(site(slug).id()));
        return SignInSteps.admin(port, admin.email(), TestUsers.PASSWORD, 1);
    }

    private UserView portalUser(String slug, String local, String name, String phone) {
        return users.create(
                site(slug).realm(),
                new NewUser(local + "@" + slug + ".test", name, TestUsers.PASSWORD, true, phone, false, null));
    }

    private SiteView site(String slug) {
        return sites.findBySlug(slug).orElseThrow();
    }
}
