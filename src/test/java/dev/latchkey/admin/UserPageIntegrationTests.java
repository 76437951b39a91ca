package dev.latchkey.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.mfa.backup.BackupCodes;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.signin.SignInEvent;
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
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

/**
 * F-ADMIN-2: the page of one user, {@code /admin/users/{id}}: factors and status, "2FA required", signed-in sessions,
 * recent sign-ins from the audit log and the actions, which come back to it; only for users the admin manages.
 */
@IntegrationTest
class UserPageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    BackupCodes backupCodes;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aSystemAdminSeesTheUsersFactorsSessionsAndRecentSignIns() {
        UserView carol = portalUser("globex", "page", "+31201234567");
        Browser carolsBrowser = new Browser(port);
        assertThat(SignInSteps.password(carolsBrowser, "globex", carol.email(), TestUsers.PASSWORD)
                        .location())
                .as("password only on globex")
                .isEqualTo("/sites/globex/");
        SignInSteps.password(new Browser(port), "globex", carol.email(), "a wrong password");
        Browser admin = systemAdmin();

        Page page = admin.get("/admin/users/" + carol.id());
        assertThat(page.status()).isEqualTo(200);
        Document doc = page.document();
        assertThat(doc.title()).isEqualTo(carol.displayName() + " · Users · Latchkey Admin");
        assertThat(doc.selectFirst("main h1").text()).isEqualTo(carol.displayName());
        assertThat(doc.selectFirst("#user-details").text())
                .contains(carol.email(), "+31201234567", "Globex Field Service", "Active");
        assertThat(doc.selectFirst("#user-factors").attr("data-2fa-status")).isEqualTo("not-activated");
        assertThat(doc.select("#user-factors .sent-factors").text()).isEqualTo("Sent: Email code, SMS code");
        assertThat(doc.selectFirst("#mfa-required").attr("type")).isEqualTo("checkbox");
        assertThat(doc.selectFirst("#mfa-required").hasAttr("checked")).isFalse();
        assertThat(doc.select("label[for=mfa-required]").text()).contains("2FA required");
        assertThat(doc.select("#delete-2fa")).as("nothing to delete").isEmpty();
        assertThat(doc.select("#sessions-table tbody tr")).hasSize(1);
        List<Element> signIns = doc.select("#sign-ins-table tr.sign-in");
        assertThat(signIns)
                .as("the wrong password typed for her account (F-ACCOUNT-4), then the sign-in")
                .hasSize(2);
        assertThat(signIns.get(0).attr("data-outcome")).isEqualTo("failure");
        assertThat(signIns.get(0).text()).contains("Password refused");
        assertThat(signIns.get(1).attr("data-outcome")).isEqualTo("success");
        assertThat(signIns.get(1).text()).contains("None (password only)", "Signed in");
        assertThat(signIns.get(1).select("td").get(1).text()).isNotBlank();
        assertThat(signIns.get(1).selectFirst("time.local-time").attr("datetime"))
                .endsWith("Z");
        assertThat(signIns.get(1).selectFirst("time.local-time").text())
                .as("readable without script")
                .endsWith(" UTC");
        assertThat(doc.select("#sessions-table thead th, #sign-ins-table thead th")
                        .eachText())
                .as("the times say UTC themselves, for script to rewrite")
                .noneMatch(h -> h.contains("UTC"));
        for (String action : List.of("lock", "password-reset")) {
            assertThat(doc.selectFirst("#user-actions form[action$=/" + action + "] input[name=back]")
                            .attr("value"))
                    .as(action)
                    .isEqualTo("user");
        }

        for (int i = 1; i <= 11; i++) {
            ClientInfo client = new ClientInfo("203.0.113." + i, "Test agent");
            events.publishEvent(
                    i % 2 == 0
                            ? new SignInEvent.SecondFactorFailed(
                                    "globex", carol.id(), carol.email(), "totp", "wrong code", null, client)
                            : new SignInEvent.SignedIn("globex", carol.id(), carol.email(), "email", client));
        }
        UserView other = portalUser("globex", "other", null);
        events.publishEvent(new SignInEvent.SignedIn(
                "globex", other.id(), other.email(), "backup", new ClientInfo("198.51.100.1", "Test agent")));

        signIns = admin.get("/admin/users/" + carol.id()).document().select("#sign-ins-table tr.sign-in");
        assertThat(signIns).as("the newest ten").hasSize(10);
        assertThat(signIns.get(0).text()).contains("203.0.113.11", "Email code", "Signed in");
        assertThat(signIns.get(1).attr("data-outcome")).isEqualTo("failure");
        assertThat(signIns.get(1).text()).contains("203.0.113.10", "Authenticator app", "Wrong code");
        assertThat(signIns.get(9).text()).contains("203.0.113.2");
        assertThat(signIns).noneMatch(r -> r.text().contains("198.51.100.1"));
    }

    @Test
    void theListLinksToThePageAndEveryActionThereComesBackToIt() {
        UserView user = portalUser("acme", "act", null);
        Realm acme = sites.findBySlug("acme").orElseThrow().realm();
        backupCodes.generate(acme, user.id(), user.email());
        Browser admin = systemAdmin();
        String self = "/admin/users/" + user.id();
        assertThat(admin.get("/admin/users?q=" + user.email())
                        .document()
                        .selectFirst("tr[data-username=" + user.email() + "] a.user-link")
                        .attr("href"))
                .isEqualTo(self);

        Page required = admin.submit(admin.get(self), "#mfa-required-form", Map.of("required", "true"));
        assertThat(required.location()).isEqualTo(self);
        assertThat(users.find(user.id()).orElseThrow().mfaRequired()).isTrue();
        Document after = admin.get(self).document();
        assertThat(after.selectFirst("#mfa-required").hasAttr("checked")).isTrue();
        assertThat(after.select("[role=status]").text()).contains(user.displayName() + " (" + user.email() + ")");
        Page unchecked = admin.submit(admin.get(self), "#mfa-required-form", Map.of());
        assertThat(unchecked.location()).isEqualTo(self);
        assertThat(users.find(user.id()).orElseThrow().mfaRequired())
                .as("an unticked box")
                .isFalse();

        Page locked = admin.submit(admin.get(self), "#user-actions form:has(.lock)", Map.of());
        assertThat(locked.location()).isEqualTo(self);
        assertThat(admin.get(self).document().selectFirst("#account-state").attr("data-locked"))
                .isEqualTo("true");
        Page unlocked = admin.submit(admin.get(self), "#user-actions form:has(.unlock)", Map.of());
        assertThat(unlocked.location()).isEqualTo(self);
        assertThat(users.find(user.id()).orElseThrow().locked()).isFalse();
        Page reset = admin.submit(admin.get(self), "#user-actions form:has(.password-reset)", Map.of());
        assertThat(reset.location()).isEqualTo(self);
        assertThat(admin.get(self).document().select("[role=status]").text()).contains(user.email());

        Document page = admin.get(self).document();
        assertThat(page.selectFirst("#user-factors").attr("data-2fa-status"))
                .as("backup codes alone do not make a sign-in ask for a second factor")
                .isEqualTo("not-activated");
        assertThat(page.select("#user-factors .own-factors").text()).contains("Backup codes (5 left)");
        String confirmPath = page.selectFirst("#delete-2fa").attr("href");
        assertThat(confirmPath).isEqualTo(self + "/delete-2fa?back=user");
        Page confirm = admin.get(confirmPath);
        assertThat(confirm.document().selectFirst("#delete-2fa-form a").attr("href"))
                .isEqualTo(self);
        Page deleted = admin.submit(confirm, "#delete-2fa-form", Map.of());
        assertThat(deleted.location()).isEqualTo(self);
        assertThat(admin.get(self).document().selectFirst("#user-factors").attr("data-2fa-status"))
                .isEqualTo("not-activated");
    }

    @Test
    void onlyUsersTheAdminManagesHaveAPage() {
        UserView globexUser = portalUser("globex", "mine", null);
        UserView acmeUser = portalUser("acme", "theirs", null);
        UserView otherAdmin = testUsers.admin();
        Browser system = systemAdmin();
        assertThat(system.get("/admin/users/" + globexUser.id()).status()).isEqualTo(200);
        assertThat(system.get("/admin/users/" + acmeUser.id()).status()).isEqualTo(200);
        Page adminPage = system.get("/admin/users/" + otherAdmin.id());
        assertThat(adminPage.status()).isEqualTo(200);
        assertThat(adminPage.document().selectFirst("#user-details").text()).contains("System admin");
        assertThat(system.get("/admin/users/" + Long.MAX_VALUE).status()).isEqualTo(404);
        assertThat(system.get("/admin/users/-1").status()).isEqualTo(404);
        assertThat(system.get("/admin/users/abc").status()).isEqualTo(400);
        assertThat(system.get("/admin/users/" + "9".repeat(40)).status()).isEqualTo(400);
        assertThat(system.get("/admin/users/new").status()).as("still the form").isEqualTo(200);

        Browser globexAdmin = siteAdminOf("globex");
        assertThat(globexAdmin.get("/admin/users/" + globexUser.id()).status()).isEqualTo(200);
        Page hidden = globexAdmin.get("/admin/users/" + acmeUser.id());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain(acmeUser.email());
        assertThat(globexAdmin.get("/admin/users/" + otherAdmin.id()).status()).isEqualTo(404);
        String csrf = globexAdmin
                .get("/admin/users")
                .document()
                .selectFirst("input[name=_csrf]")
                .attr("value");
        assertThat(globexAdmin
                        .post(
                                "/admin/users/" + acmeUser.id() + "/2fa-required",
                                Map.of("_csrf", csrf, "required", "true", "back", "user"))
                        .status())
                .isEqualTo(404);
        assertThat(users.find(acmeUser.id()).orElseThrow().mfaRequired()).isFalse();

        assertThat(siteAdminOf("acme").get("/admin/users/" + globexUser.id()).status())
                .isEqualTo(404);
    }

    private UserView portalUser(String slug, String what, String phone) {
        String local = what + "-" + System.nanoTime();
        Realm realm = sites.findBySlug(slug).orElseThrow().realm();
        return users.create(
                realm,
                new NewUser(
                        local + "@" + slug + ".test", "Person " + local, TestUsers.PASSWORD, true, phone, false, null));
    }

    private Browser systemAdmin() {
        return SignInSteps.admin(port, testUsers.admin().email(), TestUsers.PASSWORD, 1);
    }

    private Browser siteAdminOf(String slug) {
        String email = "site-" + slug + "-" + System.nanoTime() + "@admin.test";
        UserView admin = users.create(
                Realm.ADMIN,
                new NewUser(email, "Site Admin " + slug, TestUsers.PASSWORD, true, null, false, AdminRole.SITE));
        users.assignSites(
                admin.id(), Set.of(sites.findBySlug(slug).orElseThrow().id()));
        return SignInSteps.admin(port, email, TestUsers.PASSWORD, 1);
    }
}
