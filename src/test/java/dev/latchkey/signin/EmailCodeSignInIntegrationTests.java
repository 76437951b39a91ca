package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** F-LOGIN-1/2/4 and F-CODE-1/2/3/5 for email, through HTTP against a real SMTP server. */
@IntegrationTest
class EmailCodeSignInIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Autowired
    MutableClock clock;

    Browser browser;
    UserView user;

    @BeforeEach
    void setUp() {
        browser = new Browser(port);
        user = testUsers.portalUser("acme");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void signInWithEmailCodeReachesThePageFirstAskedFor() {
        Page asked = browser.get("/sites/acme/?view=contracts");
        assertThat(asked.location()).isEqualTo("/sites/acme/login");

        Page afterPassword = SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        assertThat(afterPassword.location()).isEqualTo("/sites/acme/login/email");

        Page codePage = browser.get("/sites/acme/login/email");
        var input = codePage.document().selectFirst("#code-form input[name=code]");
        assertThat(input.attr("autocomplete")).isEqualTo("one-time-code");
        assertThat(input.attr("inputmode")).isEqualTo("numeric");
        assertThat(codePage.document().select("#resend-code")).hasSize(1);

        String code = TestMailServer.awaitCode(user.email(), 1);
        Page done = browser.submit(codePage, "#code-form", Map.of("code", code));
        assertThat(done.location()).isEqualTo("/sites/acme/?view=contracts");
        assertThat(browser.get("/sites/acme/").status()).isEqualTo(200);
    }

    @Test
    void theMailNamesTheSiteTheCodeAndTheExpiryAndWhatToDoIfItWasNotYou() throws Exception {
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        TestMailServer.awaitCode(user.email(), 1);
        var message = TestMailServer.messagesTo(user.email()).get(0);
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
        assertThat(message.getSubject()).contains("Acme Leasing");
        assertThat(body)
                .contains("Acme Leasing")
                .contains("expires in 5 minutes")
                .contains("did not try to sign in");
    }

    @Test
    void homeIsUnreachableBetweenThePasswordAndTheCode() {
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        assertThat(browser.get("/sites/acme/").location()).isEqualTo("/sites/acme/login");
    }

    @Test
    void sessionIdChangesAfterEachStep() {
        browser.get("/sites/acme/login");
        String anonymous = browser.sessionId().orElseThrow();
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        String pending = browser.sessionId().orElseThrow();
        Page done = SignInSteps.code(browser, "acme", "email", TestMailServer.awaitCode(user.email(), 1));
        assertThat(done.location()).isEqualTo("/sites/acme/");
        String signedIn = browser.sessionId().orElseThrow();
        assertThat(List.of(anonymous, pending, signedIn)).doesNotHaveDuplicates();
    }

    @Test
    void aSessionIdPlantedBeforeSignInIsUselessAfterIt() {
        browser.get("/sites/acme/login");
        String planted = browser.sessionId().orElseThrow();
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        String pendingId = browser.sessionId().orElseThrow();
        SignInSteps.code(browser, "acme", "email", TestMailServer.awaitCode(user.email(), 1));
        assertThat(browser.get("/sites/acme/").status()).isEqualTo(200);
        // an attacker who fixed the victim's session id before sign-in (or saw the pending one) holds nothing
        assertThat(replayWithCookie(planted).location()).isEqualTo("/sites/acme/login");
        assertThat(replayWithCookie(pendingId).location()).isEqualTo("/sites/acme/login");
    }

    @Test
    void expiredCodeIsRefused() {
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        String code = TestMailServer.awaitCode(user.email(), 1);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        Page refused = SignInSteps.code(browser, "acme", "email", code);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.alerts()).contains("expired");
    }

    @Test
    void codeWorksUntilItsLastSecond() {
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        String code = TestMailServer.awaitCode(user.email(), 1);
        clock.advance(Duration.ofMinutes(4).plusSeconds(50));
        assertThat(SignInSteps.code(browser, "acme", "email", code).location()).isEqualTo("/sites/acme/");
    }

    @Test
    void usedCodeDoesNotWorkAgainInANewLogin() {
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        String code = TestMailServer.awaitCode(user.email(), 1);
        assertThat(SignInSteps.code(browser, "acme", "email", code).location()).isEqualTo("/sites/acme/");

        Browser second = new Browser(port);
        clock.advance(Duration.ofSeconds(31));
        SignInSteps.password(second, "acme", user.email(), TestUsers.PASSWORD);
        Page reused = SignInSteps.code(second, "acme", "email", code);
        assertThat(reused.status()).isEqualTo(401);
        assertThat(second.get("/sites/acme/").location()).isEqualTo("/sites/acme/login");
    }

    @Test
    void resendSendsANewCodeAndKillsTheOldOne() {
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        String first = TestMailServer.awaitCode(user.email(), 1);
        clock.advance(Duration.ofSeconds(31));
        Page codePage = browser.get("/sites/acme/login/email");
        Page resent = browser.submit(codePage, "form:has(#resend-code)", Map.of());
        assertThat(resent.location()).isEqualTo("/sites/acme/login/email?resent");
        String second = TestMailServer.awaitCode(user.email(), 2);

        Page old = SignInSteps.code(browser, "acme", "email", first);
        assertThat(old.status()).isEqualTo(401);
        if (!first.equals(second)) {
            assertThat(SignInSteps.code(browser, "acme", "email", second).location())
                    .isEqualTo("/sites/acme/");
        }
    }

    @Test
    void fiveWrongTriesKillTheCode() {
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        String code = TestMailServer.awaitCode(user.email(), 1);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 4; i++) {
            Page page = SignInSteps.code(browser, "acme", "email", wrong);
            assertThat(page.alerts()).contains((5 - i) + " tries left");
        }
        assertThat(SignInSteps.code(browser, "acme", "email", wrong).alerts()).contains("Too many wrong tries");
        clock.advance(Duration.ofSeconds(2)); // past the growing delay that starts after 5 wrong answers
        Page correctButDead = SignInSteps.code(browser, "acme", "email", code);
        assertThat(correctButDead.status()).isEqualTo(401);
        assertThat(browser.get("/sites/acme/").location()).isEqualTo("/sites/acme/login");
    }

    @Test
    void resendIsThrottledToOneEvery30SecondsAndFivePer15Minutes() {
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        TestMailServer.awaitCode(user.email(), 1);

        Page tooSoon = resend();
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.alerts()).contains("seconds");

        for (int send = 2; send <= 5; send++) {
            clock.advance(Duration.ofSeconds(31));
            assertThat(resend().location()).isEqualTo("/sites/acme/login/email?resent");
        }
        clock.advance(Duration.ofSeconds(31));
        assertThat(resend().status()).as("sixth send within 15 minutes").isEqualTo(429);
        clock.advance(Duration.ofMinutes(15));
        assertThat(browser.get("/sites/acme/login/email").location())
                .as("the pending login itself has timed out")
                .isEqualTo("/sites/acme/login?expired");
        assertThat(SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/email");
        TestMailServer.awaitCode(user.email(), 6);
    }

    @Test
    void resendDoesNotResetTheUsersFailureCount() {
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        String code = TestMailServer.awaitCode(user.email(), 1);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 3; i++) {
            SignInSteps.code(browser, "acme", "email", wrong);
        }
        clock.advance(Duration.ofSeconds(31));
        resend();
        String second = TestMailServer.awaitCode(user.email(), 2);
        SignInSteps.code(browser, "acme", "email", second.equals("000000") ? "111111" : "000000");
        assertThat(users.find(user.id()).orElseThrow().secondFactorFailures()).isEqualTo(4);

        SignInSteps.code(browser, "acme", "email", second);
        assertThat(users.find(user.id()).orElseThrow().secondFactorFailures()).isZero();
    }

    @Test
    void codeOfOneLoginDoesNotWorkInAnotherSession() {
        Browser other = new Browser(port);
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        String mine = TestMailServer.awaitCode(user.email(), 1);
        clock.advance(Duration.ofSeconds(31));
        SignInSteps.password(other, "acme", user.email(), TestUsers.PASSWORD);
        String theirs = TestMailServer.awaitCode(user.email(), 2);

        if (!mine.equals(theirs)) {
            Page refused = SignInSteps.code(other, "acme", "email", mine);
            assertThat(refused.status()).isEqualTo(401);
        }
        assertThat(SignInSteps.code(other, "acme", "email", theirs).location()).isEqualTo("/sites/acme/");
        Page replaced = SignInSteps.code(browser, "acme", "email", mine);
        assertThat(replaced.status())
                .as("only the user's newest code works (F-CODE-2)")
                .isEqualTo(401);
        assertThat(browser.get("/sites/acme/").location()).isEqualTo("/sites/acme/login");
    }

    @Test
    void theCodePageSaysHowLongTheCodeStaysValidWithoutAClockTime() {
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        Page page = browser.get("/sites/acme/login/email");
        var validity = page.document().selectFirst("#code-validity");
        assertThat(validity.text())
                .startsWith("The code is valid for 5 more minutes.")
                .doesNotContain("UTC")
                .doesNotContainPattern("\\d\\d:\\d\\d");
        assertThat(Long.parseLong(validity.selectFirst(".countdown").attr("data-seconds")))
                .isBetween(290L, 300L);
        var expiresAt = validity.selectFirst(".local-only[hidden] time.local-time#code-expires-at");
        assertThat(expiresAt.text())
                .as("the clock time is written by script, in the reader's zone (F-CODE-5)")
                .isEmpty();
        assertThat(Duration.between(clock.instant(), java.time.Instant.parse(expiresAt.attr("datetime")))
                        .toSeconds())
                .isBetween(290L, 300L);

        clock.advance(Duration.ofMinutes(4).plusSeconds(30));
        Page later = browser.get("/sites/acme/login/email");
        assertThat(later.document().selectFirst("#code-validity").text())
                .startsWith("The code is valid for less than a minute more.");
        clock.advance(Duration.ofSeconds(31));
        Page expired = browser.get("/sites/acme/login/email");
        assertThat(expired.document().select("#code-validity, .countdown")).isEmpty();
        assertThat(expired.body()).doesNotContain("UTC");
    }

    @Test
    void aPendingLoginOfOneSiteIsNothingOnAnotherSite() {
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        String code = TestMailServer.awaitCode(user.email(), 1);
        Page acmeCodePage = browser.get("/sites/acme/login/email");
        Element form = acmeCodePage.document().selectFirst("#code-form");
        Page elsewhere = browser.post(
                "/sites/globex/login/email",
                Map.of("_csrf", form.selectFirst("input[name=_csrf]").attr("value"), "code", code));
        assertThat(elsewhere.location()).isEqualTo("/sites/globex/login?expired");
        assertThat(browser.get("/sites/globex/").location()).isEqualTo("/sites/globex/login");
    }

    @Test
    void aSessionSignedInToOneSiteIsNotSignedInToAnother() {
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        SignInSteps.code(browser, "acme", "email", TestMailServer.awaitCode(user.email(), 1));
        assertThat(browser.get("/sites/acme/").status()).isEqualTo(200);
        assertThat(browser.get("/sites/globex/").location()).isEqualTo("/sites/globex/login");
        assertThat(browser.get("/admin/").location()).isEqualTo("/admin/login");
    }

    @Test
    void aLoginThatStartedBeforeTheAccountLockedCannotFinish() {
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        String code = TestMailServer.awaitCode(user.email(), 1);
        for (int i = 0; i < 100; i++) {
            users.recordSecondFactorFailure(user.id());
        }
        // locking ends every session of the account, half-finished logins included
        assertThat(browser.get("/sites/acme/login/email").location()).isEqualTo("/sites/acme/login?expired");
        String csrf = browser.get("/sites/acme/login")
                .document()
                .selectFirst("input[name=_csrf]")
                .attr("value");
        assertThat(browser.post("/sites/acme/login/email", Map.of("_csrf", csrf, "code", code))
                        .location())
                .isEqualTo("/sites/acme/login?expired");
        assertThat(browser.get("/sites/acme/").location()).isEqualTo("/sites/acme/login");
        assertThat(SignInSteps.password(new Browser(port), "acme", user.email(), TestUsers.PASSWORD)
                        .status())
                .as("a locked account answers like a wrong password")
                .isEqualTo(401);
    }

    @Test
    void postWithoutCsrfTokenIsRejectedAndSignsNobodyIn() {
        browser.get("/sites/acme/login");
        Page rejected =
                browser.post("/sites/acme/login", Map.of("username", user.email(), "password", TestUsers.PASSWORD));
        assertThat(rejected.status()).isEqualTo(403);
        assertThat(TestMailServer.messagesTo(user.email())).isEmpty();
        assertThat(browser.get("/sites/acme/login/email").location()).isEqualTo("/sites/acme/login?expired");
    }

    @Test
    void unknownUserAndWrongPasswordLookTheSame() {
        Page unknown = SignInSteps.password(browser, "acme", "nobody-" + user.email(), TestUsers.PASSWORD);
        Page wrong = SignInSteps.password(new Browser(port), "acme", user.email(), "not the password");
        assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
        assertThat(unknown.alerts()).isEqualTo(wrong.alerts()).isEqualTo("Incorrect email address or password.");
        assertThat(withoutVaryingParts(unknown))
                .isEqualTo(withoutVaryingParts(wrong).replace(user.email(), "nobody-" + user.email()));
    }

    @Test
    void twoConcurrentSubmissionsOfTheSameCodeSignInOnce() throws Exception {
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        String code = TestMailServer.awaitCode(user.email(), 1);
        Page codePage = browser.get("/sites/acme/login/email");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Page>> submissions = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            submissions.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return browser.submit(codePage, "#code-form", Map.of("code", code));
            }));
        }
        start.countDown();
        List<Page> results = submissions.stream().map(CompletableFuture::join).toList();
        assertThat(results)
                .filteredOn(p -> p.header("set-cookie").isPresent())
                .as("one new session")
                .hasSize(1)
                .allSatisfy(p -> assertThat(p.location()).isEqualTo("/sites/acme/"));
        // the loser changes nothing and sets no cookie: it is refused by the code check (401), or, once the winner
        // replaced the session, led to the site's home like the winner
        assertThat(results)
                .filteredOn(p -> p.header("set-cookie").isEmpty())
                .hasSize(1)
                .allSatisfy(p -> assertThat(p.status() == 401 || "/sites/acme/".equals(p.location()))
                        .isTrue());
    }

    @Test
    void logoutEndsTheServerSideSession() {
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        SignInSteps.code(browser, "acme", "email", TestMailServer.awaitCode(user.email(), 1));
        Page home = browser.get("/sites/acme/");
        String signedInSession = browser.sessionId().orElseThrow();
        Page out = browser.submit(home, "#logout-form", Map.of());
        assertThat(out.location()).isEqualTo("/sites/acme/login?signedOut");

        Browser replay = new Browser(port);
        replay.get("/sites/acme/login");
        assertThat(replayWithCookie(signedInSession).location()).isEqualTo("/sites/acme/login");
    }

    private Page replayWithCookie(String sessionId) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + "/sites/acme/"))
                    .header("Cookie", "SESSION=" + sessionId)
                    .build();
            var response = java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Page(
                    "/sites/acme/",
                    response.statusCode(),
                    response.body(),
                    response.headers()
                            .firstValue("Location")
                            .map(l -> l.replaceFirst("^http://localhost:\\d+", ""))
                            .orElse(null),
                    response.headers().map());
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }

    private Page resend() {
        Page codePage = browser.get("/sites/acme/login/email");
        return browser.submit(codePage, "form:has(#resend-code)", Map.of());
    }

    private static String withoutVaryingParts(Page page) {
        return page.body().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
