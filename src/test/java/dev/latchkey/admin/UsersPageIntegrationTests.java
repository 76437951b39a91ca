package dev.latchkey.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.latchkey.mfa.backup.BackupCodes;
import dev.latchkey.mfa.totp.AuthenticatorStatus;
import dev.latchkey.mfa.totp.Authenticators;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IndependentTotp;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** F-ADMIN-2/3: the Users page's filters, paging, "2FA required" and "Delete 2FA setup". */
@IntegrationTest
class UsersPageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    Authenticators authenticators;

    @Autowired
    BackupCodes backupCodes;

    @Autowired
    MutableClock clock;

    @Autowired
    dev.latchkey.audit.AuditLog audit;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void filtersAndSearchReturnExactlyTheRightUsers() {
        String tag = "dir" + System.nanoTime();
        UserView acmeOn = user("acme", tag + "-on");
        UserView acmeOff = user("acme", tag + "-off");
        UserView globexOn = user("globex", tag + "-gon");
        UserView globexOff = user("globex", tag + "-goff");
        activate(acmeOn, "acme");
        activate(globexOn, "globex");
        Browser admin = signedInAdmin();

        assertThat(emails(admin, "/admin/users?q=" + tag))
                .containsExactlyInAnyOrder(acmeOn.email(), acmeOff.email(), globexOn.email(), globexOff.email());
        assertThat(emails(admin, "/admin/users?q=" + tag + "&site=acme"))
                .containsExactlyInAnyOrder(acmeOn.email(), acmeOff.email());
        assertThat(emails(admin, "/admin/users?q=" + tag + "&mfa=activated"))
                .containsExactlyInAnyOrder(acmeOn.email(), globexOn.email());
        assertThat(emails(admin, "/admin/users?q=" + tag + "&mfa=not-activated&site=globex"))
                .containsExactly(globexOff.email());
        assertThat(emails(admin, "/admin/users?q=" + tag.toUpperCase() + "-GON")).containsExactly(globexOn.email());

        Page page = admin.get("/admin/users?q=" + tag + "&site=acme");
        var row = page.document().selectFirst("tr[data-username=" + acmeOn.email() + "]");
        assertThat(row.attr("data-2fa-status")).isEqualTo("activated");
        assertThat(row.text()).contains("Email code, Authenticator app");
        assertThat(row.select(".require-2fa, .delete-2fa")).hasSize(2);
        assertThat(page.document().select("select[name=mfa] option").eachAttr("value"))
                .contains("activated", "not-activated");
        assertThat(admin.get("/admin/users?mfa=maybe").status()).isEqualTo(400);
        assertThat(admin.get("/admin/users?site=nope").status()).isEqualTo(400);
    }

    @Test
    void pagesHoldFiftyUsersAndStayStable() {
        String tag = "pg" + System.nanoTime();
        for (int i = 0; i < 55; i++) {
            user("globex", tag + "-" + i);
        }
        Browser admin = signedInAdmin();
        List<String> first = emails(admin, "/admin/users?q=" + tag);
        List<String> second = emails(admin, "/admin/users?q=" + tag + "&page=1");
        assertThat(first).hasSize(50);
        assertThat(second).hasSize(5);
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        assertThat(all).hasSize(55);
        assertThat(emails(admin, "/admin/users?q=" + tag)).isEqualTo(first);
    }

    @Test
    void requireTwoFactorFromTheUsersTable() {
        UserView target = user("globex", "req" + System.nanoTime());
        Browser admin = signedInAdmin();
        assertThat(admin.get("/admin/users").document().select("#filter-not-activated").attr("href"))
                .isEqualTo("/admin/users?mfa=not-activated");
        Page page = admin.get("/admin/users?q=" + target.email());
        Page toggled = admin.submit(page, "tr[data-username=" + target.email() + "] form:has(.require-2fa)", Map.of());
        assertThat(toggled.location()).isEqualTo("/admin/users");
        assertThat(users.find(target.id()).orElseThrow().mfaRequired()).isTrue();
        assertThat(audit.recentFor(target.id())).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("admin.2fa-required");
            assertThat(e.actor()).isNotBlank();
        });
        assertThat(TestMailServer.awaitMessage(target.email(), "now required")).contains("administrator");
    }

    @Test
    void deleteTwoFactorSetupRemovesFactorsEndsSessionsAndTheOldSecretNeverWorksAgain() {
        UserView target = user("acme", "del" + System.nanoTime());
        String oldSecret = activate(target, "acme");
        Realm acme = sites.findBySlug("acme").orElseThrow().realm();
        backupCodes.generate(acme, target.id(), target.email());

        Browser victim = new Browser(port);
        clock.advance(Duration.ofSeconds(30));
        SignInSteps.password(victim, "acme", target.email(), TestUsers.PASSWORD);
        Page signedIn = SignInSteps.code(victim, "acme", "totp", IndependentTotp.code(oldSecret, clock.instant()));
        assertThat(signedIn.location()).isEqualTo("/sites/acme/");
        assertThat(victim.get("/sites/acme/").status()).isEqualTo(200);

        Browser admin = signedInAdmin();
        Page confirm = admin.get("/admin/users/" + target.id() + "/delete-2fa");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(authenticators.status(target.id())).as("nothing happens before confirming")
                .isEqualTo(AuthenticatorStatus.ENABLED);
        Page deleted = admin.submit(confirm, "#delete-2fa-form", Map.of());
        assertThat(deleted.location()).isEqualTo("/admin/users");

        assertThat(authenticators.status(target.id())).isEqualTo(AuthenticatorStatus.NOT_SET_UP);
        assertThat(backupCodes.remaining(target.id())).isZero();
        assertThat(victim.get("/sites/acme/").location()).as("sessions ended").isEqualTo("/sites/acme/login");
        assertThat(TestMailServer.awaitMessage(target.email(), "two-factor setup")).contains("administrator");
        assertThat(audit.recentFor(target.id())).extracting(e -> e.type()).contains("admin.2fa-deleted");

        Browser again = new Browser(port);
        assertThat(SignInSteps.password(again, "acme", target.email(), TestUsers.PASSWORD).location())
                .as("per policy, with the factor left").isEqualTo("/sites/acme/login/email");

        String newSecret = activate(target, "acme");
        assertThat(newSecret).isNotEqualTo(oldSecret);
        clock.advance(Duration.ofMinutes(2));
        assertThat(authenticators.verify(target.id(), IndependentTotp.code(oldSecret, clock.instant()))).isFalse();
        assertThat(authenticators.verify(target.id(), IndependentTotp.code(newSecret, clock.instant()))).isTrue();
    }

    private UserView user(String slug, String local) {
        Realm realm = sites.findBySlug(slug).orElseThrow().realm();
        return users.create(realm, new NewUser(local + "@" + slug + ".test", "User " + local, TestUsers.PASSWORD,
                true, null, false, null));
    }

    private String activate(UserView user, String slug) {
        Realm realm = sites.findBySlug(slug).orElseThrow().realm();
        var enrolment = authenticators.enrolment(user.id(), realm.name(), user.email()).orElseThrow();
        String secret = enrolment.manualKey().replace(" ", "");
        assertThat(authenticators.confirm(realm, user.id(), IndependentTotp.code(secret, clock.instant()))).isTrue();
        return secret;
    }

    private static List<String> emails(Browser admin, String path) {
        Page page = admin.get(path);
        assertThat(page.status()).isEqualTo(200);
        return page.document().select("tr[data-username]").eachAttr("data-username");
    }

    private Browser signedInAdmin() {
        return SignInSteps.admin(port, testUsers.admin().email(), TestUsers.PASSWORD, 1);
    }
}
