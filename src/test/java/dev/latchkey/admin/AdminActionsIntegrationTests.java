package dev.latchkey.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** F-ADMIN-3 actions (unlock, password reset), F-ADMIN-7 admin creation, and site-admin scoping (ADR 0006). */
@IntegrationTest
class AdminActionsIntegrationTests {

    static final Pattern LINK = Pattern.compile("http://localhost:8080(/\\S+/invitation/\\S+)");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    AuditLog audit;

    @Test
    void unlockClearsTheLockIsAuditedAndEmailed() {
        UserView locked = testUsers.portalUser("globex");
        for (int i = 0; i < 100; i++) {
            users.recordSecondFactorFailure(locked.id());
        }
        assertThat(users.find(locked.id()).orElseThrow().locked()).isTrue();
        UserView admin = testUsers.admin();
        Browser browser = SignInSteps.admin(port, admin.email(), TestUsers.PASSWORD, 1);
        Page page = browser.get("/admin/users?q=" + locked.email());
        Page done = browser.submit(page, "tr[data-username=" + locked.email() + "] form:has(.unlock)", Map.of());
        assertThat(UsersPageIntegrationTests.path(done.location())).isEqualTo("/admin/users");
        assertThat(UsersPageIntegrationTests.query(done.location())).containsEntry("q", locked.email());
        UserView after = users.find(locked.id()).orElseThrow();
        assertThat(after.locked()).isFalse();
        assertThat(after.secondFactorFailures()).isZero();
        assertThat(TestMailServer.awaitMessage(locked.email(), "unlocked")).contains(admin.email());
        assertThat(audit.recentFor(locked.id()))
                .extracting(AuditEntry::type, AuditEntry::actor)
                .contains(org.assertj.core.groups.Tuple.tuple("admin.unlocked", admin.email()));
    }

    @Test
    void anAdminLockEndsEverySessionAndIsAuditedAndEmailed() {
        UserView user = testUsers.portalUser("globex");
        Browser userBrowser = new Browser(port);
        SignInSteps.password(userBrowser, "globex", user.email(), TestUsers.PASSWORD);
        assertThat(userBrowser.get("/sites/globex/").status()).isEqualTo(200);
        UserView admin = testUsers.admin();
        Browser browser = SignInSteps.admin(port, admin.email(), TestUsers.PASSWORD, 1);
        Page page = browser.get("/admin/users?q=" + user.email());
        Page done = browser.submit(page, "tr[data-username=" + user.email() + "] form:has(.lock)", Map.of());
        assertThat(UsersPageIntegrationTests.path(done.location())).isEqualTo("/admin/users");
        assertThat(UsersPageIntegrationTests.query(done.location())).containsEntry("q", user.email());
        assertThat(users.find(user.id()).orElseThrow().locked()).isTrue();
        assertThat(userBrowser.get("/sites/globex/").location())
                .as("sessions ended")
                .isEqualTo("/sites/globex/login");
        assertThat(SignInSteps.password(new Browser(port), "globex", user.email(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(401);
        assertThat(TestMailServer.awaitMessage(user.email(), "is locked")).contains(admin.email());
        assertThat(audit.recentFor(user.id())).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("admin.locked");
            assertThat(e.actor()).isEqualTo(admin.email());
        });
    }

    @Test
    void aSystemAdminUnlocksAnotherAdminAndSiteAdminsCannotTouchAdmins() {
        UserView lockedAdmin = testUsers.admin();
        for (int i = 0; i < 100; i++) {
            users.recordSecondFactorFailure(lockedAdmin.id());
        }
        UserView system = testUsers.admin();
        Browser browser = SignInSteps.admin(port, system.email(), TestUsers.PASSWORD, 1);
        Page page = browser.get("/admin/users");
        assertThat(page.document().select("tr[data-admin=" + lockedAdmin.email() + "] .unlock"))
                .hasSize(1);
        Page done = browser.submit(page, "tr[data-admin=" + lockedAdmin.email() + "] form:has(.unlock)", Map.of());
        assertThat(done.location()).isEqualTo("/admin/users");
        assertThat(users.find(lockedAdmin.id()).orElseThrow().locked()).isFalse();
        assertThat(audit.recentFor(lockedAdmin.id())).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("admin.unlocked");
            assertThat(e.realm()).isEqualTo("admin");
            assertThat(e.username()).isEqualTo(lockedAdmin.email());
        });
    }

    @Test
    void passwordResetSendsASingleUseLinkThatEndsOtherSessions() {
        UserView user = testUsers.portalUser("globex");
        Browser userBrowser = new Browser(port);
        assertThat(SignInSteps.password(userBrowser, "globex", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/globex/");
        UserView admin = testUsers.admin();
        Browser browser = SignInSteps.admin(port, admin.email(), TestUsers.PASSWORD, 1);
        Page page = browser.get("/admin/users?q=" + user.email());
        browser.submit(page, "tr[data-username=" + user.email() + "] form:has(.password-reset)", Map.of());

        Matcher link = LINK.matcher(TestMailServer.awaitMessage(user.email(), "new password"));
        assertThat(link.find()).isTrue();
        Browser person = new Browser(port);
        Page form = person.get(link.group(1));
        Page set = person.submit(
                form,
                "#invitation-form",
                Map.of("password", "a brand new password", "confirmation", "a brand new password"));
        assertThat(set.location()).isEqualTo("/sites/globex/login?passwordSet");
        assertThat(person.get(link.group(1)).status()).as("single use").isEqualTo(410);
        assertThat(userBrowser.get("/sites/globex/").location())
                .as("other sessions ended")
                .isEqualTo("/sites/globex/login");
        assertThat(SignInSteps.password(new Browser(port), "globex", user.email(), "a brand new password")
                        .location())
                .isEqualTo("/sites/globex/");
        assertThat(audit.recentFor(user.id())).extracting(AuditEntry::type).contains("admin.password-reset-sent");
    }

    @Test
    void aSystemAdminCreatesASiteAdminWhoManagesOnlyTheirSite() {
        UserView system = testUsers.admin();
        Browser browser = SignInSteps.admin(port, system.email(), TestUsers.PASSWORD, 1);
        String email = "site-admin-" + System.nanoTime() + "@admin.test";
        long acme = sites.findBySlug("acme").orElseThrow().id();
        Page form = browser.get("/admin/admins/new");
        Page created = browser.post(
                "/admin/admins/new",
                Map.of(
                        "_csrf",
                        form.document()
                                .selectFirst("#new-admin-form input[name=_csrf]")
                                .attr("value"),
                        "name",
                        "Sid Siteadmin",
                        "email",
                        email,
                        "role",
                        "SITE",
                        "sites",
                        String.valueOf(acme)));
        assertThat(created.location()).isEqualTo("/admin/users");

        Matcher link = LINK.matcher(TestMailServer.awaitMessage(email, "admin account"));
        assertThat(link.find()).isTrue();
        assertThat(link.group(1)).startsWith("/admin/invitation/");
        Browser invited = new Browser(port);
        Page set = invited.submit(
                invited.get(link.group(1)),
                "#invitation-form",
                Map.of("password", "tulips for sid in spring", "confirmation", "tulips for sid in spring"));
        assertThat(set.location()).isEqualTo("/admin/login?passwordSet");
        Browser siteAdmin = SignInSteps.admin(port, email, "tulips for sid in spring", 1);

        String tag = "scope" + System.nanoTime();
        UserView mine = portalUser("acme", tag + "-mine");
        UserView theirs = portalUser("globex", tag + "-theirs");
        assertThat(siteAdmin
                        .get("/admin/users?q=" + tag)
                        .document()
                        .select("tr[data-username]")
                        .eachAttr("data-username"))
                .containsExactly(mine.email());
        assertThat(siteAdmin.get("/admin/users?site=globex&q=" + tag).document().select("tr[data-username]"))
                .isEmpty();

        String csrf = siteAdmin
                .get("/admin/users")
                .document()
                .selectFirst("input[name=_csrf]")
                .attr("value");
        for (String action : List.of("2fa-required", "delete-2fa", "unlock", "password-reset")) {
            Page refused = siteAdmin.post(
                    "/admin/users/" + theirs.id() + "/" + action, Map.of("_csrf", csrf, "required", "true"));
            assertThat(refused.status()).as(action).isEqualTo(404);
        }
        assertThat(siteAdmin.get("/admin/users/" + theirs.id() + "/delete-2fa").status())
                .isEqualTo(404);
        assertThat(users.find(theirs.id()).orElseThrow().mfaRequired()).isFalse();
        assertThat(TestMailServer.messagesTo(theirs.email())).isEmpty();

        Page own = siteAdmin.post(
                "/admin/users/" + mine.id() + "/2fa-required", Map.of("_csrf", csrf, "required", "true"));
        assertThat(own.location()).isEqualTo("/admin/users");
        assertThat(users.find(mine.id()).orElseThrow().mfaRequired()).isTrue();
        assertThat(TestMailServer.awaitMessage(mine.email(), "now required")).contains(email);

        assertThat(siteAdmin
                        .post("/admin/users/" + system.id() + "/unlock", Map.of("_csrf", csrf))
                        .status())
                .as("site admins do not manage admins")
                .isEqualTo(404);
        assertThat(siteAdmin.get("/admin/users").document().select("#admins-table"))
                .isEmpty();
        assertThat(siteAdmin.get("/admin/system-settings").status()).isEqualTo(403);
        assertThat(siteAdmin.get("/admin/admins/new").status()).isEqualTo(403);
        assertThat(siteAdmin
                        .get("/admin/audit")
                        .document()
                        .select("#audit-table tbody tr")
                        .eachAttr("data-type"))
                .isNotNull();
        assertThat(siteAdmin.get("/admin/audit.csv").body()).doesNotContain(",globex,");
    }

    private UserView portalUser(String slug, String local) {
        Realm realm = sites.findBySlug(slug).orElseThrow().realm();
        return users.create(
                realm,
                new NewUser(
                        local + "@" + slug + ".test", "User " + local, TestUsers.PASSWORD, true, null, false, null));
    }
}
