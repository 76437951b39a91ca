package dev.latchkey.admin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

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
import dev.latchkey.users.AdminRole;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        assertThat(emails(admin, "/admin/users?q=" + tag.toUpperCase() + "-GON"))
                .containsExactly(globexOn.email());

        Page page = admin.get("/admin/users?q=" + tag + "&site=acme");
        var row = page.document().selectFirst("tr[data-username=" + acmeOn.email() + "]");
        assertThat(row.attr("data-2fa-status")).isEqualTo("activated");
        assertThat(row.select(".own-factors").text())
                .contains("Authenticator app")
                .doesNotContain("Email code");
        assertThat(row.select(".sent-factors").text()).contains("Email code").doesNotContain("Authenticator app");
        assertThat(row.select(".require-2fa, .delete-2fa")).hasSize(2);
        assertThat(page.document().select("select[name=mfa] option").eachAttr("value"))
                .contains("activated", "not-activated");
        assertThat(admin.get("/admin/users?mfa=maybe").status()).isEqualTo(400);
        assertThat(admin.get("/admin/users?site=nope").status()).isEqualTo(400);
    }

    @Test
    void theListFiltersByEachUsersStrongestFactor() {
        String tag = "str" + System.nanoTime();
        UserView app = user("acme", tag + "-app");
        activate(app, "acme");
        UserView sms = users.create(
                sites.findBySlug("acme").orElseThrow().realm(),
                new NewUser(tag + "-sms@acme.test", "Sms", TestUsers.PASSWORD, true, "+31612345678", false, null));
        UserView email = user("acme", tag + "-mail");
        UserView none = users.create(
                sites.findBySlug("acme").orElseThrow().realm(),
                new NewUser(tag + "-none@acme.test", "None", TestUsers.PASSWORD, false, null, false, null));
        Browser admin = signedInAdmin();

        assertThat(emails(admin, "/admin/users?q=" + tag + "&strongest=totp")).containsExactly(app.email());
        assertThat(emails(admin, "/admin/users?q=" + tag + "&strongest=sms")).containsExactly(sms.email());
        assertThat(emails(admin, "/admin/users?q=" + tag + "&strongest=email")).containsExactly(email.email());
        assertThat(emails(admin, "/admin/users?q=" + tag + "&strongest=none")).containsExactly(none.email());
        Page all = admin.get("/admin/users?q=" + tag);
        assertThat(all.document().select("tr[data-username]").eachAttr("data-strongest"))
                .containsExactlyInAnyOrder("totp", "sms", "email", "none");
        // an action on a row carries the filter back to the list it came from
        Page filtered = admin.get("/admin/users?q=" + tag + "&strongest=sms");
        assertThat(filtered.document()
                        .select("tr[data-username] input[name=strongest]")
                        .eachAttr("value"))
                .isNotEmpty()
                .containsOnly("sms");
        for (String bad : new String[] {"fido", "SMS", "sms%00", "x".repeat(5000)}) {
            assertThat(admin.get("/admin/users?strongest=" + bad).status())
                    .as(bad)
                    .isEqualTo(400);
        }
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
        assertThat(admin.get("/admin/users")
                        .document()
                        .select("#filter-not-activated")
                        .attr("href"))
                .isEqualTo("/admin/users?mfa=not-activated");
        Page page = admin.get("/admin/users?q=" + target.email() + "&mfa=not-activated");
        var button = page.document().selectFirst("tr[data-username=" + target.email() + "] button.require-2fa");
        assertThat(button.attr("data-required")).isEqualTo("false");
        assertThat(button.text()).isEqualTo("Require 2FA");
        Page toggled = admin.submit(page, "tr[data-username=" + target.email() + "] form:has(.require-2fa)", Map.of());
        assertThat(toggled.location())
                .as("the filters are kept")
                .isEqualTo("/admin/users?q=" + URLEncoder.encode(target.email(), UTF_8) + "&mfa=not-activated");
        assertThat(users.find(target.id()).orElseThrow().mfaRequired()).isTrue();
        Page back = admin.get(toggled.location());
        assertThat(back.document().select("[role=status]").text())
                .as("the notice names the user")
                .contains(target.displayName() + " (" + target.email() + ")")
                .contains("required");
        var after = back.document().selectFirst("tr[data-username=" + target.email() + "]");
        assertThat(after.select(".required-state").text()).isEqualTo("Required");
        assertThat(after.selectFirst("button.require-2fa").attr("data-required"))
                .isEqualTo("true");
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
        assertThat(authenticators.status(target.id()))
                .as("nothing happens before confirming")
                .isEqualTo(AuthenticatorStatus.ENABLED);
        Page deleted = admin.submit(confirm, "#delete-2fa-form", Map.of());
        assertThat(deleted.location()).isEqualTo("/admin/users");

        assertThat(authenticators.status(target.id())).isEqualTo(AuthenticatorStatus.NOT_SET_UP);
        assertThat(backupCodes.remaining(target.id())).isZero();
        assertThat(victim.get("/sites/acme/").location()).as("sessions ended").isEqualTo("/sites/acme/login");
        assertThat(TestMailServer.awaitMessage(target.email(), "two-factor setup"))
                .contains("administrator");
        assertThat(audit.recentFor(target.id())).extracting(e -> e.type()).contains("admin.2fa-deleted");

        Browser again = new Browser(port);
        assertThat(SignInSteps.password(again, "acme", target.email(), TestUsers.PASSWORD)
                        .location())
                .as("per policy, with the factor left")
                .isEqualTo("/sites/acme/login/email");

        String newSecret = activate(target, "acme");
        assertThat(newSecret).isNotEqualTo(oldSecret);
        clock.advance(Duration.ofMinutes(2));
        assertThat(authenticators.verify(target.id(), IndependentTotp.code(oldSecret, clock.instant())))
                .isFalse();
        assertThat(authenticators.verify(target.id(), IndependentTotp.code(newSecret, clock.instant())))
                .isTrue();
    }

    @Test
    void activatedMeansAnAuthenticatorAppIsOnTheRowsNameWhatWasSetUpAndTheFilterAgrees() {
        String tag = "st" + System.nanoTime();
        Realm acme = sites.findBySlug("acme").orElseThrow().realm();
        UserView emailOnly = user("acme", tag + "-email");
        UserView withPhone = users.create(
                acme,
                new NewUser(
                        tag + "-phone@acme.test",
                        "User " + tag + " phone",
                        TestUsers.PASSWORD,
                        true,
                        "+31201234567",
                        false,
                        null));
        UserView noFactor = users.create(
                acme,
                new NewUser(
                        tag + "-none@acme.test",
                        "User " + tag + " none",
                        TestUsers.PASSWORD,
                        false,
                        null,
                        false,
                        null));
        UserView backupOnly = user("acme", tag + "-backup");
        backupCodes.generate(acme, backupOnly.id(), backupOnly.email());
        UserView withApp = user("acme", tag + "-app");
        activate(withApp, "acme");
        UserView switchedOff = user("acme", tag + "-off");
        activate(switchedOff, "acme");
        assertThat(authenticators.disable(acme, switchedOff.id(), switchedOff.email()))
                .isTrue();
        Browser admin = signedInAdmin();

        Page page = admin.get("/admin/users?q=" + tag);
        assertThat(page.document().select("#users-legend").text()).contains("Activated", "Not activated");
        Map<String, String> status = new java.util.HashMap<>();
        page.document()
                .select("tr[data-username]")
                .forEach(r -> status.put(r.attr("data-username"), r.attr("data-2fa-status")));
        assertThat(status)
                .containsOnly(
                        Map.entry(emailOnly.email(), "not-activated"),
                        Map.entry(withPhone.email(), "not-activated"),
                        Map.entry(noFactor.email(), "not-activated"),
                        Map.entry(backupOnly.email(), "not-activated"),
                        Map.entry(withApp.email(), "activated"),
                        Map.entry(switchedOff.email(), "not-activated"));
        assertThat(emails(admin, "/admin/users?q=" + tag + "&mfa=activated")).containsExactly(withApp.email());
        assertThat(emails(admin, "/admin/users?q=" + tag + "&mfa=not-activated"))
                .containsExactlyInAnyOrder(
                        emailOnly.email(),
                        withPhone.email(),
                        noFactor.email(),
                        switchedOff.email(),
                        backupOnly.email());

        assertThat(cell(page, backupOnly, ".own-factors")).contains("Backup codes (5 left)");
        assertThat(cell(page, emailOnly, ".own-factors")).isEmpty();
        assertThat(cell(page, emailOnly, ".sent-factors")).isEqualTo("Sent: Email code");
        assertThat(cell(page, withPhone, ".sent-factors")).isEqualTo("Sent: Email code, SMS code");
        assertThat(cell(page, noFactor, ".sent-factors")).contains("none");
        assertThat(cell(page, switchedOff, ".factor-summary")).contains("switched off");
        assertThat(page.document().select("tr[data-username=" + emailOnly.email() + "] .delete-2fa"))
                .as("nothing to delete")
                .isEmpty();
        assertThat(page.document().select("tr[data-username=" + switchedOff.email() + "] .delete-2fa"))
                .hasSize(1);
    }

    @Test
    void theAdminsTableHonoursTheFiltersAndRequiresTwoFactorForAnAdmin() {
        String tag = "adm" + System.nanoTime();
        UserView plain = users.create(
                Realm.ADMIN,
                new NewUser(
                        tag + "-plain@admin.test",
                        "Admin " + tag + " plain",
                        TestUsers.PASSWORD,
                        true,
                        null,
                        false,
                        AdminRole.SYSTEM));
        UserView withApp = users.create(
                Realm.ADMIN,
                new NewUser(
                        tag + "-app@admin.test",
                        "Admin " + tag + " app",
                        TestUsers.PASSWORD,
                        true,
                        null,
                        false,
                        AdminRole.SITE));
        testUsers.withAuthenticator(Realm.ADMIN, withApp);
        Browser admin = signedInAdmin();

        assertThat(admins(admin, "/admin/users?q=" + tag)).containsExactly(plain.email(), withApp.email());
        assertThat(admins(admin, "/admin/users?q=" + tag + "&mfa=activated")).containsExactly(withApp.email());
        assertThat(admins(admin, "/admin/users?q=" + tag + "&mfa=not-activated"))
                .containsExactly(plain.email());
        Page page = admin.get("/admin/users?q=" + tag);
        var row = page.document().selectFirst("tr[data-admin=" + plain.email() + "]");
        assertThat(row.attr("data-2fa-status")).isEqualTo("not-activated");
        assertThat(row.select(".sent-factors").text()).contains("Email code");
        assertThat(row.selectFirst(".required-state").text()).isEqualTo("Not required");
        assertThat(page.document()
                        .selectFirst("tr[data-admin=" + withApp.email() + "]")
                        .attr("data-2fa-status"))
                .isEqualTo("activated");

        Page done = admin.submit(page, "tr[data-admin=" + plain.email() + "] form:has(.require-2fa)", Map.of());
        assertThat(done.location()).isEqualTo("/admin/users?q=" + tag);
        assertThat(users.find(plain.id()).orElseThrow().mfaRequired()).isTrue();
        Page after = admin.get(done.location());
        assertThat(after.document().select("[role=status]").text()).contains(plain.displayName(), plain.email());
        var required = after.document().selectFirst("tr[data-admin=" + plain.email() + "]");
        assertThat(required.selectFirst(".required-state").text()).isEqualTo("Required");
        assertThat(required.selectFirst("button.require-2fa").attr("data-required"))
                .isEqualTo("true");
        assertThat(audit.recentFor(plain.id())).extracting(e -> e.type()).contains("admin.2fa-required");
    }

    @Test
    void everyActionComesBackToTheListWithItsFiltersAndNamesTheUser() {
        String tag = "back" + System.nanoTime();
        UserView target = user("acme", tag);
        Realm acme = sites.findBySlug("acme").orElseThrow().realm();
        backupCodes.generate(acme, target.id(), target.email());
        Browser admin = signedInAdmin();
        String list = "/admin/users?site=acme&q=" + tag + "&mfa=not-activated";
        Map<String, String> filters = Map.of("site", "acme", "q", tag, "mfa", "not-activated");
        String row = "tr[data-username=" + target.email() + "] ";

        for (String action : List.of("2fa-required", "lock", "unlock", "password-reset")) {
            Page page = admin.get(list);
            Page done = admin.submit(page, row + "form[action$=/" + action + "]", Map.of());
            assertThat(done.status()).as(action).isEqualTo(302);
            assertThat(path(done.location())).as(action).isEqualTo("/admin/users");
            assertThat(query(done.location())).as(action).isEqualTo(filters);
            assertThat(admin.get(done.location())
                            .document()
                            .select("[role=status]")
                            .text())
                    .as(action)
                    .contains(target.displayName() + " (" + target.email() + ")");
        }

        Page page = admin.get(list);
        String confirmPath = page.document().selectFirst(row + "a.delete-2fa").attr("href");
        assertThat(query(confirmPath)).isEqualTo(filters);
        Page confirm = admin.get(confirmPath);
        assertThat(confirm.document().title()).contains(target.displayName(), "Latchkey Admin");
        String cancel = confirm.document().selectFirst("#delete-2fa-form a").attr("href");
        assertThat(path(cancel)).isEqualTo("/admin/users");
        assertThat(query(cancel)).isEqualTo(filters);
        Page deleted = admin.submit(confirm, "#delete-2fa-form", Map.of());
        assertThat(query(deleted.location())).isEqualTo(filters);
        assertThat(admin.get(deleted.location())
                        .document()
                        .select("[role=status]")
                        .text())
                .contains(target.displayName() + " (" + target.email() + ")");
        assertThat(backupCodes.remaining(target.id())).isZero();
    }

    @Test
    void theWayBackIsCheckedBeforeAnythingHappensAndStaysOnTheUsersPages() {
        UserView target = user("globex", "way" + System.nanoTime());
        Browser admin = signedInAdmin();
        String csrf = admin.get("/admin/users")
                .document()
                .selectFirst("input[name=_csrf]")
                .attr("value");
        String action = "/admin/users/" + target.id() + "/2fa-required";
        List<Map<String, String>> refused = List.of(
                Map.of("mfa", "maybe"),
                Map.of("site", "nope"),
                Map.of("back", "https://evil.test/"),
                Map.of("back", "//evil.test"),
                Map.of("page", "-1"),
                Map.of("page", "abc"),
                Map.of("page", "100001"),
                Map.of("page", "9".repeat(40)),
                Map.of("q", "x".repeat(321)),
                Map.of("q", "a\u0000b"),
                Map.of("q", "tab\tbed"));
        for (Map<String, String> bad : refused) {
            Map<String, String> fields = new java.util.HashMap<>(bad);
            fields.put("_csrf", csrf);
            fields.put("required", "true");
            assertThat(admin.post(action, fields).status()).as("%s", bad).isEqualTo(400);
        }
        assertThat(users.find(target.id()).orElseThrow().mfaRequired())
                .as("nothing happened")
                .isFalse();
        assertThat(TestMailServer.messagesTo(target.email())).isEmpty();

        String odd = "//evil.test/@x +31 {0}&mfa=activated";
        Page done = admin.post(action, Map.of("_csrf", csrf, "required", "true", "q", odd, "page", "1"));
        assertThat(done.status()).isEqualTo(302);
        assertThat(path(done.location())).isEqualTo("/admin/users");
        assertThat(query(done.location())).isEqualTo(Map.of("q", odd, "page", "1"));
        Page back = admin.get(done.location());
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.document().selectFirst("#u-q").attr("value")).isEqualTo(odd);
        assertThat(admin.post(action, Map.of("_csrf", csrf, "required", "false", "back", "user"))
                        .location())
                .isEqualTo("/admin/users/" + target.id());
    }

    @Test
    void simultaneousAndReplayedRequestsLeaveOneClearState() throws Exception {
        UserView target = user("globex", "race" + System.nanoTime());
        Browser admin = signedInAdmin();
        Page page = admin.get("/admin/users?q=" + target.email());
        var form = page.document().selectFirst("tr[data-username=" + target.email() + "] form:has(.require-2fa)");
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Page>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> admin.post(form.attr("action"), fields)));
            }
            for (var answer : answers) {
                assertThat(answer.get().status()).isEqualTo(302);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(users.find(target.id()).orElseThrow().mfaRequired()).isTrue();
        Page replayed = admin.post(form.attr("action"), fields);
        assertThat(replayed.status())
                .as("a replayed form sets the same value again")
                .isEqualTo(302);
        assertThat(users.find(target.id()).orElseThrow().mfaRequired()).isTrue();
        assertThat(admin.get("/admin/users?q=" + target.email())
                        .document()
                        .selectFirst("tr[data-username=" + target.email() + "] button.require-2fa")
                        .attr("data-required"))
                .isEqualTo("true");
    }

    private UserView user(String slug, String local) {
        Realm realm = sites.findBySlug(slug).orElseThrow().realm();
        return users.create(
                realm,
                new NewUser(
                        local + "@" + slug + ".test", "User " + local, TestUsers.PASSWORD, true, null, false, null));
    }

    private String activate(UserView user, String slug) {
        Realm realm = sites.findBySlug(slug).orElseThrow().realm();
        var enrolment =
                authenticators.enrolment(user.id(), realm.name(), user.email()).orElseThrow();
        String secret = enrolment.manualKey().replace(" ", "");
        assertThat(authenticators.confirm(realm, user.id(), IndependentTotp.code(secret, clock.instant())))
                .isTrue();
        return secret;
    }

    private static List<String> emails(Browser admin, String path) {
        Page page = admin.get(path);
        assertThat(page.status()).isEqualTo(200);
        return page.document().select("tr[data-username]").eachAttr("data-username");
    }

    private static List<String> admins(Browser admin, String path) {
        Page page = admin.get(path);
        assertThat(page.status()).isEqualTo(200);
        return page.document().select("tr[data-admin]").eachAttr("data-admin");
    }

    private static String cell(Page page, UserView user, String selector) {
        return page.document()
                .select("tr[data-username=" + user.email() + "] " + selector)
                .text();
    }

    static String path(String location) {
        int q = location.indexOf('?');
        return q < 0 ? location : location.substring(0, q);
    }

    /** The query parameters of a location, decoded as a server reads them. */
    static Map<String, String> query(String location) {
        int q = location.indexOf('?');
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : location.substring(q + 1).replace("&amp;", "&").split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(
                        java.net.URLDecoder.decode(pair.substring(0, eq), UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), UTF_8));
            }
        }
        return parameters;
    }

    private Browser signedInAdmin() {
        return SignInSteps.admin(port, testUsers.admin().email(), TestUsers.PASSWORD, 1);
    }
}
