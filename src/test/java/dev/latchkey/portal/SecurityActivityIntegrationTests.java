package dev.latchkey.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.signin.Sessions;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SameSession;
import dev.latchkey.test.SameSession.Answer;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * F-ACCOUNT-4: the Security page lists the user's signed-in sessions, this one marked, each other one with a Sign out
 * that ends exactly it, and the last sign-ins with browser, address, factor and result.
 */
@IntegrationTest
class SecurityActivityIntegrationTests {

    static final String CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like"
            + " Gecko) Chrome/120.0.0.0 Safari/537.36";
    static final String FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0";
    private static final String SECURITY = "/sites/globex/account/security";
    private static final String SIGN_OUT = SECURITY + "/sign-out-session";
    private static final String LOCAL = "127\\.0\\.0\\.1|::1";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcIndexedSessionRepository sessionStore;

    @Test
    void theListShowsTheUsersSignedInSessionsAndMarksThisOne() {
        UserView user = testUsers.portalUser("globex");
        Browser there = signedIn(user, FIREFOX_ON_LINUX);
        Browser here = signedIn(user, CHROME_ON_WINDOWS);
        Browser someoneElse = signedIn(testUsers.portalUser("globex"), CHROME_ON_WINDOWS);

        Page page = here.get(SECURITY);
        assertThat(page.status()).isEqualTo(200);
        Document doc = page.document();
        List<Element> rows = doc.select("#sessions [data-session]");
        assertThat(rows)
                .extracting(r -> r.attr("data-session"))
                .as("this user's sessions only, the one just used first")
                .containsExactly(handle(here), handle(there));
        Element current = rows.get(0);
        assertThat(current.hasClass("session-current")).isTrue();
        assertThat(doc.select("#sessions .session-current")).hasSize(1);
        assertThat(current.text()).contains("This browser", "Chrome 120 on Windows");
        assertThat(current.selectFirst("td:nth-child(2)").text()).matches(LOCAL);
        assertThat(current.selectFirst("form#sign-out-this-form").attr("action"))
                .isEqualTo("/sites/globex/logout");
        assertThat(current.select("button.sign-out-session")).hasSize(1);
        assertThat(doc.select("#logout-form"))
                .as("the header's form keeps its id")
                .hasSize(1);

        Element other = rows.get(1);
        assertThat(other.hasClass("session-current")).isFalse();
        assertThat(other.text()).contains("Firefox 121 on Linux").doesNotContain("This browser");
        assertThat(other.selectFirst("form").attr("action")).isEqualTo(SIGN_OUT);
        assertThat(other.selectFirst("form input[name=session]").attr("value")).isEqualTo(handle(there));
        assertThat(other.select("button.sign-out-session")).hasSize(1);
        for (Element time : doc.select("#sessions time.local-time")) {
            assertThat(Instant.parse(time.attr("datetime"))).isNotNull();
            assertThat(time.text()).as("readable without script").endsWith(" UTC");
        }
        assertThat(doc.select("#sessions time.local-time")).hasSize(4);
        assertThat(doc.select("#sign-out-others")).hasSize(1);

        for (Browser browser : List.of(here, there, someoneElse)) {
            String cookie = browser.sessionId().orElseThrow();
            assertThat(page.body()).as("no session id in the page").doesNotContain(cookie, id(browser));
        }
        assertThat(page.body()).doesNotContain(handle(someoneElse));
    }

    @Test
    void everySessionIsListedWholeHoweverTheDatabaseOrdersTheirRows() {
        UserView user = testUsers.portalUser("globex");
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            browsers.add(signedIn(user, i % 2 == 0 ? CHROME_ON_WINDOWS : FIREFOX_ON_LINUX));
        }
        List<String> handles =
                browsers.stream().map(SecurityActivityIntegrationTests::handle).toList();
        // a session is put together from rows that follow each other, so the rows come ordered by session
        assertThat((String) ReflectionTestUtils.getField(sessionStore, "listSessionsByPrincipalNameQuery"))
                .contains("ORDER BY S.PRIMARY_ID");
        for (int round = 0; round < 10; round++) {
            Browser asking = browsers.get(round % browsers.size());
            assertThat(asking.get(SECURITY).document().select("#sessions [data-session]"))
                    .as("round %d (spring-projects/spring-session#3452)", round)
                    .extracting(r -> r.attr("data-session"))
                    .containsExactlyInAnyOrderElementsOf(handles);
        }
    }

    @Test
    void signingOneOtherSessionOutEndsExactlyItAndIsAudited() {
        UserView user = testUsers.portalUser("globex");
        Browser there = signedIn(user, FIREFOX_ON_LINUX);
        Browser third = signedIn(user, CHROME_ON_WINDOWS);
        Browser here = signedIn(user, CHROME_ON_WINDOWS);
        String ended = handle(there);

        Page page = here.get(SECURITY);
        Page done = here.submit(page, "#sessions tr[data-session=" + ended + "] form", Map.of());
        assertThat(done.location()).isEqualTo(SECURITY + "?sessionEnded#sessions");
        assertThat(there.get("/sites/globex/").location())
                .as("that browser is sent to sign in")
                .isEqualTo("/sites/globex/login");
        assertThat(third.get("/sites/globex/").status()).isEqualTo(200);
        assertThat(here.get("/sites/globex/").status()).isEqualTo(200);
        Document after = here.get(SECURITY + "?sessionEnded").document();
        assertThat(after.select("#sessions [role=status]").text()).contains("That session is signed out");
        assertThat(after.select("#sessions [data-session]"))
                .extracting(r -> r.attr("data-session"))
                .containsExactlyInAnyOrder(handle(here), handle(third));

        List<AuditEntry> signedOut = signOuts(user);
        assertThat(signedOut).hasSize(1);
        assertThat(signedOut.get(0).outcome()).isEqualTo("success");
        assertThat(signedOut.get(0).realm()).isEqualTo("globex");
        assertThat(signedOut.get(0).username()).isEqualTo(user.email());
        assertThat(signedOut.get(0).detail()).contains("Firefox 121 on Linux").doesNotContain(id(there), ended);

        Page replayed = here.submit(page, "#sessions tr[data-session=" + ended + "] form", Map.of());
        assertThat(replayed.location()).as("a replay changes nothing").isEqualTo(SECURITY + "?sessionGone#sessions");
        assertThat(here.get(SECURITY + "?sessionGone")
                        .document()
                        .select("#sessions [role=status]")
                        .text())
                .contains("already ended");
        assertThat(third.get("/sites/globex/").status()).isEqualTo(200);
        assertThat(signOuts(user)).hasSize(1);
    }

    @Test
    void anotherUsersOrAnotherRealmsHandleChangesNothing() {
        UserView alice = testUsers.portalUser("globex");
        UserView bob = testUsers.portalUser("globex");
        Browser alicesOther = signedIn(alice, FIREFOX_ON_LINUX);
        Browser alices = signedIn(alice, CHROME_ON_WINDOWS);
        Browser bobs = signedIn(bob, CHROME_ON_WINDOWS);
        String csrf = csrf(alices, SECURITY);

        Page foreign = alices.post(SIGN_OUT, Map.of("_csrf", csrf, "session", handle(bobs)));
        assertThat(foreign.location()).isEqualTo(SECURITY + "?sessionGone#sessions");
        assertThat(bobs.get("/sites/globex/").status()).isEqualTo(200);
        Page unknown = alices.post(SIGN_OUT, Map.of("_csrf", csrf, "session", "0123456789abcdef".repeat(2)));
        assertThat(unknown.location()).isEqualTo(SECURITY + "?sessionGone#sessions");

        // another realm: the admin site's page looks among the admin's own sessions only
        Browser admin = SignInSteps.admin(port, testUsers.admin().email(), TestUsers.PASSWORD, 1);
        Page fromAdmin = admin.post(
                "/admin/account/security/sign-out-session",
                Map.of("_csrf", csrf(admin, "/admin/account/security"), "session", handle(alicesOther)));
        assertThat(fromAdmin.location()).isEqualTo("/admin/account/security?sessionGone#sessions");
        // and a session of one site cannot use another site's page
        Page otherSite = alices.post(
                "/sites/acme/account/security/sign-out-session", Map.of("_csrf", csrf, "session", handle(alicesOther)));
        assertThat(otherSite.status()).isBetween(300, 499);
        assertThat(String.valueOf(otherSite.location())).doesNotContain("sessionEnded");

        assertThat(alicesOther.get("/sites/globex/").status()).isEqualTo(200);
        assertThat(alices.get("/sites/globex/").status()).isEqualTo(200);
        assertThat(signOuts(alice)).isEmpty();
        assertThat(signOuts(bob)).isEmpty();
    }

    @Test
    void malformedOversizedOrCsrfLessRequestsAreRefusedAndChangeNothing() {
        UserView user = testUsers.portalUser("globex");
        Browser there = signedIn(user, FIREFOX_ON_LINUX);
        Browser here = signedIn(user, CHROME_ON_WINDOWS);
        String csrf = csrf(here, SECURITY);
        String real = handle(there);

        for (String bad : List.of(
                "not-a-handle",
                real.toUpperCase(),
                real + "0",
                real.substring(1),
                "",
                real + "'--",
                "a".repeat(100_000))) {
            Page refused = here.post(SIGN_OUT, Map.of("_csrf", csrf, "session", bad));
            assertThat(refused.status())
                    .as("handle of %d characters", bad.length())
                    .isEqualTo(400);
            assertThat(refused.body()).doesNotContain("Exception");
        }
        assertThat(here.post(SIGN_OUT, Map.of("_csrf", csrf)).status())
                .as("no handle")
                .isEqualTo(400);
        Page withoutCsrf = here.post(SIGN_OUT, Map.of("session", real));
        assertThat(withoutCsrf.status()).isEqualTo(403);

        assertThat(there.get("/sites/globex/").status()).isEqualTo(200);
        assertThat(here.get("/sites/globex/").status()).isEqualTo(200);
        assertThat(signOuts(user)).isEmpty();

        // this browser's own handle signs it out, as the logout button of its row does
        Page own = here.post(SIGN_OUT, Map.of("_csrf", csrf, "session", handle(here)));
        assertThat(own.location()).isEqualTo("/sites/globex/login?signedOut");
        assertThat(here.get("/sites/globex/").location()).isEqualTo("/sites/globex/login");
        assertThat(there.get("/sites/globex/").status()).isEqualTo(200);
    }

    @Test
    void simultaneousSignOutsOfOneSessionEndItOnceAndTellTheOthersItHadEnded() {
        UserView user = testUsers.portalUser("globex");
        Browser target = signedIn(user, FIREFOX_ON_LINUX);
        String handle = handle(target);
        List<Browser> askers = new ArrayList<>();
        List<SameSession.Post> posts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Browser asker = signedIn(user, CHROME_ON_WINDOWS);
            askers.add(asker);
            var form =
                    SameSession.form(asker.get(SECURITY), "#sessions tr[data-session=" + handle + "] form", Map.of());
            posts.add(new SameSession.Post(asker.sessionId().orElseThrow(), form.getKey(), form.getValue(), port));
        }

        List<Answer> answers = SameSession.postEach(posts);

        assertThat(answers).as("no 5xx among %s", answers).allMatch(a -> a.status() == 302);
        assertThat(answers)
                .filteredOn(a -> a.location().endsWith("?sessionEnded#sessions"))
                .hasSize(1);
        assertThat(answers)
                .filteredOn(a -> a.location().endsWith("?sessionGone#sessions"))
                .hasSize(5);
        assertThat(target.get("/sites/globex/").location()).isEqualTo("/sites/globex/login");
        assertThat(askers).allMatch(a -> a.get("/sites/globex/").status() == 200);
        assertThat(signOuts(user)).hasSize(1);

        // the same form sent four times at once from one browser: one ends the session
        Browser second = signedIn(user, FIREFOX_ON_LINUX);
        Browser asker = askers.get(0);
        var form = SameSession.form(
                asker.get(SECURITY), "#sessions tr[data-session=" + handle(second) + "] form", Map.of());
        List<Answer> doubled = SameSession.post(
                asker.sessionId().orElseThrow(), form.getKey(), form.getValue(), port, port, port, port);
        assertThat(doubled).allMatch(a -> a.status() == 302);
        assertThat(doubled)
                .filteredOn(a -> a.location().endsWith("?sessionEnded#sessions"))
                .hasSize(1);
        assertThat(second.get("/sites/globex/").location()).isEqualTo("/sites/globex/login");
        assertThat(asker.get("/sites/globex/").status()).isEqualTo(200);
        assertThat(signOuts(user)).hasSize(2);
    }

    @Test
    void recentSignInsShowSuccessAndFailureWithFactorBrowserAndAddress() {
        UserView user = testUsers.portalUser("acme");
        Browser stranger = new Browser(port).withUserAgent(FIREFOX_ON_LINUX);
        assertThat(SignInSteps.password(stranger, "acme", user.email(), "a wrong password")
                        .status())
                .isEqualTo(401);
        Browser own = new Browser(port).withUserAgent(CHROME_ON_WINDOWS);
        assertThat(SignInSteps.password(own, "acme", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/email");
        String code = TestMailServer.awaitCode(user.email(), 1);
        assertThat(SignInSteps.code(own, "acme", "email", code.equals("000000") ? "111111" : "000000")
                        .status())
                .isEqualTo(401);
        assertThat(SignInSteps.code(own, "acme", "email", code).location()).isEqualTo("/sites/acme/");

        Document doc = own.get("/sites/acme/account/security").document();
        List<Element> rows = doc.select("#recent-sign-ins [data-sign-in]");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).attr("data-outcome")).isEqualTo("success");
        assertThat(rows.get(0).text()).contains("Chrome 120 on Windows", "Email code", "Signed in");
        assertThat(rows.get(1).attr("data-outcome")).isEqualTo("failure");
        assertThat(rows.get(1).text()).contains("Chrome 120 on Windows", "Email code", "Wrong code");
        assertThat(rows.get(2).attr("data-outcome")).isEqualTo("failure");
        assertThat(rows.get(2).text())
                .as("someone tried the password")
                .contains("Firefox 121 on Linux", "Password", "Password refused");
        for (Element row : rows) {
            assertThat(row.selectFirst("td:nth-child(3)").text()).matches(LOCAL);
            Element time = row.selectFirst("time.local-time");
            assertThat(Instant.parse(time.attr("datetime"))).isNotNull();
            assertThat(time.text()).endsWith(" UTC");
        }
        assertThat(doc.select("#recent-sign-ins").text()).doesNotContain("Mozilla", "Gecko");
    }

    @Test
    void aPasswordOnlySignInSaysSoAndTheAdminSiteHasTheSameLists() {
        UserView user = testUsers.portalUser("globex");
        Browser browser = signedIn(user, CHROME_ON_WINDOWS);
        Element row = browser.get(SECURITY).document().selectFirst("#recent-sign-ins [data-sign-in]");
        assertThat(row.text()).contains("Password only", "Signed in");

        Browser admin = SignInSteps.admin(port, testUsers.admin().email(), TestUsers.PASSWORD, 1);
        Document page = admin.get("/admin/account/security").document();
        assertThat(page.select("#sessions .session-current")).hasSize(1);
        assertThat(page.selectFirst("#sessions .session-current").attr("data-session"))
                .isEqualTo(handle(admin));
        assertThat(page.selectFirst("#sign-out-this-form").attr("action")).isEqualTo("/admin/logout");
        assertThat(page.select("#recent-sign-ins [data-sign-in]").first().text())
                .contains("Email code", "Signed in");
    }

    private Browser signedIn(UserView user, String userAgent) {
        Browser browser = new Browser(port).withUserAgent(userAgent);
        assertThat(SignInSteps.password(browser, "globex", user.email(), TestUsers.PASSWORD)
                        .location())
                .as("password only on globex")
                .isEqualTo("/sites/globex/");
        return browser;
    }

    private List<AuditEntry> signOuts(UserView user) {
        return audit.recentFor(user.id()).stream()
                .filter(e -> e.type().equals("session.signed-out"))
                .toList();
    }

    private static String csrf(Browser browser, String path) {
        return browser.get(path).document().selectFirst("input[name=_csrf]").attr("value");
    }

    /** The session id behind a browser's cookie (Spring Session writes it in Base64). */
    static String id(Browser browser) {
        return new String(Base64.getDecoder().decode(browser.sessionId().orElseThrow()), StandardCharsets.UTF_8);
    }

    static String handle(Browser browser) {
        return Sessions.handle(id(browser));
    }
}
