package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.sites.MfaMode;
import dev.latchkey.sites.MfaPolicy;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sessions and second-factor hardening: timeouts, sign-out elsewhere, CSRF rotation, alerts, forced set-up. */
@IntegrationTest
class SessionHardeningIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    MfaPolicy policy;

    @Autowired
    Sessions sessions;

    @Autowired
    MutableClock clock;

    @AfterEach
    void reset() {
        clock.reset();
        policy.updateSite(
                sites.findBySlug("globex").orElseThrow().id(),
                MfaMode.OPTIONAL,
                java.util.Set.of("email", "totp", "backup"),
                null,
                "test");
    }

    @Test
    void aSessionEndsTwelveHoursAfterItBeganHoweverActive() {
        UserView user = testUsers.portalUser("globex");
        Browser browser = new Browser(port);
        SignInSteps.password(browser, "globex", user.email(), TestUsers.PASSWORD);
        assertThat(browser.get("/sites/globex/").status()).isEqualTo(200);
        clock.advance(Duration.ofHours(11).plusMinutes(59));
        assertThat(browser.get("/sites/globex/").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        assertThat(browser.get("/sites/globex/").location()).isEqualTo("/sites/globex/login");
    }

    @Test
    void signOutOtherSessionsKeepsThisOne() {
        UserView user = testUsers.portalUser("globex");
        Browser here = new Browser(port);
        Browser there = new Browser(port);
        SignInSteps.password(here, "globex", user.email(), TestUsers.PASSWORD);
        SignInSteps.password(there, "globex", user.email(), TestUsers.PASSWORD);
        Page security = here.get("/sites/globex/account/security");
        Page done = here.submit(security, "#sign-out-others-form", Map.of());
        assertThat(done.location()).isEqualTo("/sites/globex/account/security");
        assertThat(here.get("/sites/globex/").status()).isEqualTo(200);
        assertThat(there.get("/sites/globex/").location()).isEqualTo("/sites/globex/login");
    }

    @Test
    void endingAllSessionsAlsoEndsAHalfFinishedLogin() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        assertThat(browser.get("/sites/acme/login/email").status()).isEqualTo(200);
        assertThat(sessions.endAll("acme", user.id())).isEqualTo(1);
        assertThat(browser.get("/sites/acme/login/email").location()).isEqualTo("/sites/acme/login?expired");
    }

    @Test
    void theCsrfTokenChangesAtEachSignInStepAndTheOldOneNoLongerWorks() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        String before = browser.get("/sites/acme/login")
                .document()
                .selectFirst("input[name=_csrf]")
                .attr("value");
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        Page codePage = browser.get("/sites/acme/login/email");
        String after = codePage.document().selectFirst("input[name=_csrf]").attr("value");
        assertThat(after).isNotEqualTo(before);
        Page stale = browser.post("/sites/acme/login/email", Map.of("_csrf", before, "code", "123456"));
        assertThat(stale.status()).isEqualTo(403);
    }

    @Test
    void aWrongCodeAfterTheRightPasswordIsEmailedWithTimeAndBrowser() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        String code = TestMailServer.awaitCode(user.email(), 1);
        SignInSteps.code(browser, "acme", "email", code.equals("000000") ? "111111" : "000000");
        String alert = TestMailServer.awaitMessage(user.email(), "wrong sign-in code");
        assertThat(alert)
                .contains("Browser: Unknown browser")
                .contains("UTC")
                .contains("127.0.0.1")
                .doesNotContain(code);
    }

    @Test
    void theAlertNamesTheBrowserInLatchkeysOwnWordsAndNothingAHostileUserAgentSays() {
        String hostile = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0.0.0 Safari/537.36 URGENT your account is blocked, verify now at "
                + "https://acme-support.example/verify or call +31 20 555 0199";
        hostile = hostile + " ".repeat(300 - hostile.length() - 8) + "www.x.io";
        assertThat(hostile).hasSize(300);
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port).withUserAgent(hostile);
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        String code = TestMailServer.awaitCode(user.email(), 1);
        SignInSteps.code(browser, "acme", "email", code.equals("000000") ? "111111" : "000000");

        String alert = TestMailServer.awaitMessage(user.email(), "wrong sign-in code");
        assertThat(alert)
                .contains("Browser: Chrome 120 on Windows")
                .contains("/sites/acme/forgot-password")
                .doesNotContain("https://")
                .doesNotContain("acme-support")
                .doesNotContain("www.x.io")
                .doesNotContain("555")
                .doesNotContain("URGENT")
                .doesNotContain("Mozilla");
    }

    @Test
    void wrongCodesDuringForcedSetUpCountLikeAnyWrongSecondFactor() {
        Realm globex = sites.findBySlug("globex").orElseThrow().realm();
        UserView user = users.create(
                globex,
                new NewUser(
                        "setup-" + System.nanoTime() + "@globex.test",
                        "Setup",
                        TestUsers.PASSWORD,
                        false,
                        null,
                        true,
                        null));
        Browser browser = new Browser(port);
        assertThat(SignInSteps.password(browser, "globex", user.email(), TestUsers.PASSWORD)
                        .location())
                .as("no other factor: set-up right after the password")
                .isEqualTo("/sites/globex/login/setup");
        Page setup = browser.get("/sites/globex/login/setup");
        for (int i = 0; i < 5; i++) {
            assertThat(browser.submit(setup, "#totp-confirm-form", Map.of("code", "000000"))
                            .status())
                    .isEqualTo(401);
        }
        assertThat(users.find(user.id()).orElseThrow().secondFactorFailures()).isEqualTo(5);
        assertThat(browser.submit(setup, "#totp-confirm-form", Map.of("code", "000000"))
                        .status())
                .isEqualTo(429);
    }

    @Test
    void aSiteWithMfaOffOffersNoAuthenticator() {
        policy.updateSite(
                sites.findBySlug("globex").orElseThrow().id(), MfaMode.OFF, java.util.Set.of("email"), null, "test");
        UserView user = testUsers.portalUser("globex");
        Browser browser = new Browser(port);
        SignInSteps.password(browser, "globex", user.email(), TestUsers.PASSWORD);
        Page security = browser.get("/sites/globex/account/security");
        assertThat(security.document().select("#totp-enable")).isEmpty();
        String csrf = security.document().selectFirst("input[name=_csrf]").attr("value");
        assertThat(browser.post("/sites/globex/account/security/totp/enable", Map.of("_csrf", csrf))
                        .status())
                .isEqualTo(403);
    }

    /** A browser loads a page's stylesheet, script and icon at once: no request of a new session may fail. */
    @Test
    void parallelRequestsOfOneNewSessionAllSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            Browser browser = new Browser(port);
            assertThat(browser.get("/sites/acme/login").status()).isEqualTo(200);
            java.util.List<java.util.concurrent.Callable<Integer>> loads = java.util.Collections.nCopies(
                    8, () -> browser.get("/sites/acme/login").status());
            var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                for (var status : pool.invokeAll(loads)) {
                    assertThat(status.get()).isEqualTo(200);
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}
