package dev.latchkey.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.SameSession;
import dev.latchkey.test.SameSession.Answer;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.users.AdminRole;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * F-ACCOUNT-2, ASVS 5.0 V6.2.2/V6.2.3: a signed-in user changes their password on the Security page with the current
 * one, a new one and its confirmation; the rules of {@code PasswordChange} over real HTTP, on every site and the admin
 * site.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PasswordChangeIntegrationTests {

    /** Neither common nor holding a context word of any realm or test address. */
    private static final String START = "amber lantern seven seashell";

    private static final String NEW = "violet tractor under 47 clouds";
    private static final String CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    AuditLog audit;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void clean() {
        clock.reset();
        // every test signs in from 127.0.0.1: no test inherits another's failures of that address
        jdbc.sql("delete from login_throttle").update();
    }

    @Test
    void theNewPasswordSignsInTheOldOneNoLongerDoesAndTheSecondFactorIsStillAsked() {
        UserView user = user("acme", true);
        Browser browser = new Browser(port);
        SignInSteps.signInWithEmail(browser, "acme", user.email(), START, 1);
        String before = browser.sessionId().orElseThrow();

        Page done = change(browser, "/sites/acme", START, NEW, NEW, true);

        assertThat(done.location()).isEqualTo("/sites/acme/account/security#change-password");
        Page security = browser.get("/sites/acme/account/security");
        assertThat(security.document().select("#password-notice").text()).contains("Your password is changed");
        assertThat(browser.sessionId().orElseThrow())
                .as("this session goes on under a new id")
                .isNotEqualTo(before);
        assertThat(SameSession.get(port, before, "/sites/acme/").location())
                .as("the old id is signed out")
                .isEqualTo("/sites/acme/login");
        assertThat(SignInSteps.password(new Browser(port), "acme", user.email(), START)
                        .status())
                .isEqualTo(401);
        assertThat(SignInSteps.password(new Browser(port), "acme", user.email(), NEW)
                        .location())
                .as("a new password never skips the second factor")
                .isEqualTo("/sites/acme/login/email");
    }

    @Test
    void aWrongCurrentPasswordChangesNothingAndIsAudited() {
        UserView user = user("globex", false);
        Browser browser = signedIn(user);

        Page refused = change(browser, "/sites/globex", "not my password at all", NEW, NEW, true);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.document().select("#password-error").text())
                .isEqualTo("That is not your current password. Nothing was changed.");
        assertThat(refused.body()).doesNotContain(NEW).doesNotContain("not my password at all");
        assertUnchanged(user);
        assertThat(audit.recentFor(user.id())).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("password.changed");
            assertThat(e.outcome()).isEqualTo("failure");
            assertThat(e.detail()).isEqualTo("wrong current password");
        });
    }

    @Test
    void aCommonPasswordIsRefused() {
        UserView user = user("globex", false);
        Page refused = change(signedIn(user), "/sites/globex", START, "qwerty123456", "qwerty123456", true);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select("#password-error").text()).contains("list of passwords");
        assertUnchanged(user);
    }

    @Test
    void aPasswordHoldingTheSiteNameOrTheEmailAddressIsRefused() {
        UserView user = user("globex", false);
        Browser browser = signedIn(user);
        String siteName = "my globex field service 2026";
        Page bySite = change(browser, "/sites/globex", START, siteName, siteName, true);
        String local = user.email().substring(0, user.email().indexOf('@'));
        Page byEmail = change(browser, "/sites/globex", START, "x " + local + " y", "x " + local + " y", true);

        for (Page refused : List.of(bySite, byEmail)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.document().select("#password-error").text()).contains("name of this site");
        }
        assertUnchanged(user);
    }

    @Test
    void aConfirmationThatDiffersIsRefused() {
        UserView user = user("globex", false);
        Page refused = change(signedIn(user), "/sites/globex", START, NEW, NEW + "!", true);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select("#password-error").text()).contains("not the same");
        assertUnchanged(user);
    }

    @Test
    void theCurrentPasswordAsTheNewOneIsRefused() {
        UserView user = user("globex", false);
        Page refused = change(signedIn(user), "/sites/globex", START, START, START, true);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select("#password-error").text())
                .isEqualTo("The new password is the same as your current one. Choose a different password.");
        assertUnchanged(user);
    }

    @Test
    void aSessionWithoutARecentSecondFactorVerifiesFirstAndTypesThePasswordsAgain() {
        UserView user = user("acme", true);
        Browser browser = new Browser(port);
        SignInSteps.signInWithEmail(browser, "acme", user.email(), START, 1);
        clock.advance(Duration.ofMinutes(11));

        Page asked = change(browser, "/sites/acme", START, NEW, NEW, true);
        assertThat(asked.location()).isEqualTo("/sites/acme/login/email");
        assertUnchanged(user);
        Page verified = SignInSteps.code(browser, "acme", "email", TestMailServer.awaitCode(user.email(), 2));
        assertThat(verified.location()).isEqualTo("/sites/acme/account/security?verified=password#change-password");

        Page again = browser.get(verified.location().replaceFirst("#.*", ""));
        assertThat(again.document().select("#password-retype").text())
                .contains("type your current and new password again");
        assertThat(again.document().select("#password-form input[type=password]"))
                .as("nothing typed was kept")
                .allSatisfy(input -> assertThat(input.val()).isEmpty());
        assertThat(browser.submit(
                                again,
                                "#password-form",
                                Map.of("current", START, "password", NEW, "confirm", NEW, "signOutOthers", "true"))
                        .location())
                .isEqualTo("/sites/acme/account/security#change-password");
        assertThat(users.authenticate(realm("acme"), user.email(), NEW)).isPresent();
    }

    @Test
    void wrongCurrentPasswordsCountAgainstTheSignInThrottleOfTheAccount() {
        UserView user = user("globex", false);
        Browser browser = signedIn(user);
        for (int i = 0; i < 5; i++) {
            assertThat(change(browser, "/sites/globex", "wrong guess " + i, NEW, NEW, true)
                            .status())
                    .isEqualTo(401);
        }
        // the fifth failure starts a delay of a second; keep a slow machine inside it
        clock.advance(Duration.ofSeconds(-30));

        Page throttled = change(browser, "/sites/globex", START, NEW, NEW, true);
        assertThat(throttled.status()).as("even the right password waits").isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isPresent();
        assertThat(throttled.document().select("#password-error").text())
                .matches("Too many wrong passwords\\. Try again in \\d+ minutes?\\. Nothing was changed\\.");
        assertThat(SignInSteps.password(new Browser(port), "globex", user.email(), START)
                        .status())
                .as("the sign-in page counts the same failures")
                .isEqualTo(429);
        assertUnchanged(user);
    }

    @Test
    void ofSimultaneousChangesFromSeveralSessionsExactlyOneSucceeds() {
        for (int round = 0; round < 3; round++) {
            UserView user = user("globex", false);
            List<SameSession.Post> posts = new ArrayList<>();
            List<String> chosen = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Browser browser = signedIn(user);
                String password = NEW + " " + (char) ('a' + i);
                chosen.add(password);
                var form = SameSession.form(
                        browser.get("/sites/globex/account/security"),
                        "#password-form",
                        Map.of("current", START, "password", password, "confirm", password));
                posts.add(
                        new SameSession.Post(browser.sessionId().orElseThrow(), form.getKey(), form.getValue(), port));
            }

            List<Answer> answers = SameSession.postEach(posts);

            assertThat(answers)
                    .as("round %d: %s", round, answers)
                    .filteredOn(a -> a.status() == 302)
                    .hasSize(1)
                    .allSatisfy(
                            a -> assertThat(a.location()).isEqualTo("/sites/globex/account/security#change-password"));
            assertThat(answers)
                    .as("round %d: the others are refused: %s", round, answers)
                    .filteredOn(a -> a.status() != 302)
                    .allSatisfy(a -> assertThat(a.status()).isIn(401, 409));
            assertThat(chosen.stream()
                            .filter(p -> users.authenticate(realm("globex"), user.email(), p)
                                    .isPresent()))
                    .as("round %d: exactly one new password works", round)
                    .hasSize(1);
            assertThat(users.authenticate(realm("globex"), user.email(), START)).isEmpty();
            jdbc.sql("delete from login_throttle").update();
        }
    }

    @Test
    void aDoubleSubmitChangesOnceAndLeavesOneSignedInSession() {
        UserView user = user("globex", false);
        Browser browser = signedIn(user);
        String before = browser.sessionId().orElseThrow();
        var form = SameSession.form(
                browser.get("/sites/globex/account/security"),
                "#password-form",
                Map.of("current", START, "password", NEW, "confirm", NEW, "signOutOthers", "true"));

        List<Answer> answers = SameSession.post(before, form.getKey(), form.getValue(), port, port, port);

        assertThat(answers).as("%s", answers).allMatch(a -> a.status() < 500);
        List<Answer> winners =
                answers.stream().filter(a -> a.newSession().isPresent()).toList();
        assertThat(winners).as("%s", answers).hasSize(1);
        assertThat(winners.get(0).location()).isEqualTo("/sites/globex/account/security#change-password");
        assertThat(SameSession.get(port, winners.get(0).newSession().get(), "/sites/globex/")
                        .status())
                .isEqualTo(200);
        assertThat(SameSession.get(port, before, "/sites/globex/").location()).isEqualTo("/sites/globex/login");
        assertThat(users.authenticate(realm("globex"), user.email(), NEW)).isPresent();
    }

    @Test
    void signingOutTheOtherSessionsEndsThemAndKeepsThisOne() {
        UserView user = user("globex", false);
        Browser here = signedIn(user);
        Browser there = signedIn(user);

        assertThat(change(here, "/sites/globex", START, NEW, NEW, true).status())
                .isEqualTo(302);

        assertThat(here.get("/sites/globex/").status()).isEqualTo(200);
        assertThat(there.get("/sites/globex/").location()).isEqualTo("/sites/globex/login");
        assertThat(audit.recentFor(user.id()))
                .anySatisfy(e -> assertThat(e.detail()).isEqualTo("other sessions signed out: 1"));
    }

    @Test
    void keepingTheOtherSessionsKeepsThemButEndsHalfFinishedSignIns() {
        UserView user = user("acme", true);
        Browser here = new Browser(port);
        SignInSteps.signInWithEmail(here, "acme", user.email(), START, 1);
        clock.advance(Duration.ofMinutes(1)); // past the interval between two codes
        Browser there = new Browser(port);
        SignInSteps.signInWithEmail(there, "acme", user.email(), START, 2);
        clock.advance(Duration.ofMinutes(1));
        Browser halfway = new Browser(port);
        assertThat(SignInSteps.password(halfway, "acme", user.email(), START).location())
                .isEqualTo("/sites/acme/login/email");

        Page done = change(here, "/sites/acme", START, NEW, NEW, false);

        assertThat(done.location()).isEqualTo("/sites/acme/account/security#change-password");
        assertThat(here.get("/sites/acme/").status()).isEqualTo(200);
        assertThat(there.get("/sites/acme/").status())
                .as("the box was not ticked")
                .isEqualTo(200);
        assertThat(halfway.get("/sites/acme/login/email").location())
                .as("a sign-in begun with the old password does not go on")
                .isEqualTo("/sites/acme/login?expired");
    }

    @Test
    void aPostWithoutTheFormTokenIsRefused() {
        UserView user = user("globex", false);
        Browser browser = signedIn(user);
        Page refused = browser.post(
                "/sites/globex/account/security/password", Map.of("current", START, "password", NEW, "confirm", NEW));
        assertThat(refused.status()).isEqualTo(403);
        assertUnchanged(user);
    }

    @Test
    void anotherUsersSessionCannotChangeThisUsersPassword() {
        UserView owner = user("globex", false);
        Realm globex = realm("globex");
        UserView other = users.create(
                globex, new NewUser(email("globex"), "Other", "quiet harbour nine pebbles", false, null, false, null));
        Browser otherSession = new Browser(port);
        SignInSteps.password(otherSession, "globex", other.email(), "quiet harbour nine pebbles");

        Page refused = change(otherSession, "/sites/globex", START, NEW, NEW, true);

        assertThat(refused.status())
                .as("only the session's own password counts")
                .isEqualTo(401);
        assertUnchanged(owner);
        assertThat(users.authenticate(globex, other.email(), "quiet harbour nine pebbles"))
                .isPresent();

        // nor does a session of another site reach this site's form
        Browser acmeOwner = new Browser(port);
        UserView acmeUser = user("acme", true);
        SignInSteps.signInWithEmail(acmeOwner, "acme", acmeUser.email(), START, 1);
        var form = SameSession.form(
                acmeOwner.get("/sites/acme/account/security"),
                "#password-form",
                Map.of("current", START, "password", NEW, "confirm", NEW));
        Page crossSite = acmeOwner.post("/sites/globex/account/security/password", form.getValue());
        assertThat(crossSite.status()).isNotIn(200, 400, 401);
        assertThat(crossSite.location()).isNotEqualTo("/sites/globex/account/security#change-password");
        assertUnchanged(owner);
        assertUnchanged(acmeUser);
    }

    @Test
    void oversizedInputIsA400WithOneLogLineAndChangesNothing(CapturedOutput output) {
        UserView user = user("globex", false);
        Browser browser = signedIn(user);
        String huge = "violet".repeat(171); // 1026 characters

        Page refused = change(browser, "/sites/globex", START, huge, huge, true);
        Page hugeCurrent = change(browser, "/sites/globex", huge, NEW, NEW, true);

        for (Page page : List.of(refused, hugeCurrent)) {
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.alerts()).contains("at most 1024 characters");
        }
        assertUnchanged(user);
        String line = "Password change refused on globex for user " + user.id() + ":";
        assertThat(output.getAll().split("\n"))
                .filteredOn(l -> l.contains(line))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).doesNotContain("violetviolet"));
        assertThat(jdbc.sql("select count(*) from login_throttle where failures > 0")
                        .query(Long.class)
                        .single())
                .as("nothing was counted")
                .isZero();
    }

    @Test
    void theUserIsEmailedWhenWhereAndTheResetLinkButNoPassword() {
        UserView user = user("globex", false);
        Browser browser = signedIn(user).withUserAgent(CHROME_ON_WINDOWS);

        change(browser, "/sites/globex", START, NEW, NEW, true);

        String mail = TestMailServer.awaitMessage(user.email(), "password of your Globex Field Service account");
        assertThat(mail)
                .contains("Chrome 120 on Windows")
                .contains("127.0.0.1")
                .containsPattern(Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC"))
                .containsPattern(Pattern.compile("https?://[^\\s]+/sites/globex/forgot-password"))
                .contains("other sessions")
                .doesNotContain(NEW)
                .doesNotContain(START);
    }

    @Test
    void theChangeIsAuditedWithWhereItCameFrom() {
        UserView user = user("globex", false);
        change(signedIn(user), "/sites/globex", START, NEW, NEW, false);

        List<AuditEntry> entries = audit.recentFor(user.id());
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("password.changed");
            assertThat(e.outcome()).isEqualTo("success");
            assertThat(e.realm()).isEqualTo("globex");
            assertThat(e.username()).isEqualTo(user.email());
            assertThat(e.ip()).isEqualTo("127.0.0.1");
            assertThat(e.detail()).isEqualTo("other sessions kept");
        });
        assertThat(entries)
                .allSatisfy(e -> assertThat(String.valueOf(e.detail())).doesNotContain(NEW));
    }

    @Test
    void anAdminChangesTheirPasswordOnTheAdminSite() {
        UserView admin = users.create(
                Realm.ADMIN, new NewUser(email("admin"), "Test Admin", START, true, null, false, AdminRole.SYSTEM));
        Browser browser = SignInSteps.admin(port, admin.email(), START, 1);

        Page done = change(browser, "/admin", START, NEW, NEW, true);

        assertThat(done.location()).isEqualTo("/admin/account/security#change-password");
        assertThat(browser.get("/admin/").status()).isEqualTo(200);
        Browser fresh = new Browser(port);
        assertThat(fresh.submit(
                                fresh.get("/admin/login"),
                                "#login-form",
                                Map.of("username", admin.email(), "password", START))
                        .status())
                .isEqualTo(401);
        assertThat(fresh.submit(
                                fresh.get("/admin/login"),
                                "#login-form",
                                Map.of("username", admin.email(), "password", NEW))
                        .location())
                .isEqualTo("/admin/login/email");
        assertThat(TestMailServer.awaitMessage(admin.email(), "password of your Latchkey Admin account"))
                .containsPattern(Pattern.compile("https?://[^\\s]+/admin/forgot-password"));
    }

    private Page change(
            Browser browser, String base, String current, String password, String confirm, boolean signOutOthers) {
        Page security = browser.get(base + "/account/security");
        assertThat(security.status()).isEqualTo(200);
        Map<String, String> fields =
                new HashMap<>(Map.of("current", current, "password", password, "confirm", confirm));
        if (signOutOthers) {
            fields.put("signOutOthers", "true");
        }
        return browser.submit(security, "#password-form", fields);
    }

    /** A user whose password is {@link #START}; with a confirmed email (a second factor) or without any factor. */
    private UserView user(String slug, boolean confirmedEmail) {
        return users.create(
                realm(slug), new NewUser(email(slug), "Test User", START, confirmedEmail, null, false, null));
    }

    /** Signed in with the password alone: a user without a second factor of a site where MFA is optional. */
    private Browser signedIn(UserView user) {
        Browser browser = new Browser(port);
        assertThat(SignInSteps.password(browser, "globex", user.email(), START).location())
                .isEqualTo("/sites/globex/");
        return browser;
    }

    private void assertUnchanged(UserView user) {
        Realm realm = user.siteId() == null ? Realm.ADMIN : sites.realmOf(user.siteId());
        assertThat(users.authenticate(realm, user.email(), START))
                .as("the password is unchanged")
                .isPresent();
    }

    private Realm realm(String slug) {
        return sites.findBySlug(slug).orElseThrow().realm();
    }

    private static String email(String where) {
        return "pw-" + UUID.randomUUID().toString().substring(0, 12) + "@" + where + ".test";
    }
}
