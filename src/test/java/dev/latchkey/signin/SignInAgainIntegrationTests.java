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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * F-CODE-3: a user who signs in again (a new session: another window or device) while no new code may be sent yet.
 * Before, the new sign-in said "No code has been sent for this sign-in yet" while the inbox held a fresh code, and that
 * code was refused there. Now only the newest code of a user works, in the sign-in it was made for (ASVS V6.6.2): the
 * new sign-in gets its own code at once, the earlier code stops working at once, and the new code's message waits until
 * the resend interval ends, so the throttle holds and nothing extra goes out. Both pages say so.
 */
@IntegrationTest
class SignInAgainIntegrationTests {

    private static final String CODE_PAGE = "/sites/acme/login/email";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    UserView user;

    @BeforeEach
    void setUp() {
        user = testUsers.portalUser("acme");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void signingInAgainWithinTheResendIntervalMakesANewCodeThatGoesOutWhenTheIntervalEnds() {
        Browser first = new Browser(port);
        assertThat(SignInSteps.password(first, "acme", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo(CODE_PAGE);
        String old = TestMailServer.awaitCode(user.email(), 1);
        clock.advance(Duration.ofSeconds(10));

        Browser second = new Browser(port);
        assertThat(SignInSteps.password(second, "acme", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo(CODE_PAGE);
        Page page = second.get(CODE_PAGE);
        assertThat(state(page)).isEqualTo("waiting");
        assertThat(page.body()).doesNotContain("No code has been sent");
        var waiting = page.document().selectFirst("#code-waiting");
        assertThat(waiting.text())
                .matches("You signed in again shortly after a code was sent, so the code for this"
                        + " sign-in goes to u•••.@acme\\.test in (1\\d|20) seconds, once sending is allowed"
                        + " again\\. Codes sent"
                        + " earlier no longer work\\..*");
        assertThat(Long.parseLong(waiting.selectFirst(".countdown").attr("data-seconds")))
                .isBetween(10L, 20L);
        assertThat(sendTimes())
                .as("the throttle holds: 30 s between the messages")
                .satisfies(times -> assertThat(Duration.between(times.get(0), times.get(1)))
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(30)));

        Page earlier = first.get(CODE_PAGE);
        assertThat(state(earlier)).isEqualTo("elsewhere");
        assertThat(earlier.document().selectFirst("#code-elsewhere").text()).contains("Only your newest code works");
        Page refused = SignInSteps.code(first, "acme", "email", old);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.alerts()).contains("belongs to another sign-in");
        Page notYet = SignInSteps.code(second, "acme", "email", old);
        assertThat(notYet.status()).isEqualTo(401);
        assertThat(notYet.alerts()).contains("has not gone out yet");
        assertThat(users.find(user.id()).orElseThrow().secondFactorFailures())
                .as("neither answer was a guess at a code the user had")
                .isZero();

        clock.advance(Duration.ofSeconds(20));
        String fresh = TestMailServer.awaitCode(user.email(), 2);
        assertThat(state(second.get(CODE_PAGE))).isEqualTo("live");
        assertThat(SignInSteps.code(second, "acme", "email", fresh).location()).isEqualTo("/sites/acme/");
        assertThat(second.get("/sites/acme/").status()).isEqualTo(200);
        assertThat(first.get("/sites/acme/").location()).isEqualTo("/sites/acme/login");
    }

    @Test
    void aNewerSignInReplacesACodeWhoseMessageHasNotGoneOutSoNothingExtraIsSent() {
        Browser first = new Browser(port);
        SignInSteps.password(first, "acme", user.email(), TestUsers.PASSWORD);
        TestMailServer.awaitCode(user.email(), 1);
        clock.advance(Duration.ofSeconds(5));
        Browser second = new Browser(port);
        SignInSteps.password(second, "acme", user.email(), TestUsers.PASSWORD);
        clock.advance(Duration.ofSeconds(5));
        Browser third = new Browser(port);
        SignInSteps.password(third, "acme", user.email(), TestUsers.PASSWORD);

        assertThat(state(second.get(CODE_PAGE))).isEqualTo("elsewhere");
        assertThat(state(third.get(CODE_PAGE))).isEqualTo("waiting");
        assertThat(messagesByStatus())
                .as("the first sent, the second withdrawn before it went out, the third waiting")
                .containsEntry("SENT", 1L)
                .containsEntry("WITHDRAWN", 1L)
                .containsEntry("PENDING", 1L);

        clock.advance(Duration.ofSeconds(21));
        String code = TestMailServer.awaitCode(user.email(), 2);
        sleep(3000); // two more passes of the outbox worker
        assertThat(TestMailServer.messagesTo(user.email()))
                .as("the withdrawn code never went out")
                .hasSize(2);
        assertThat(SignInSteps.code(second, "acme", "email", code).status()).isEqualTo(401);
        assertThat(SignInSteps.code(third, "acme", "email", code).location()).isEqualTo("/sites/acme/");
    }

    @Test
    void theEarlierSignInMayAskAgainAndThenTheCodeIsItsOwn() {
        Browser first = new Browser(port);
        SignInSteps.password(first, "acme", user.email(), TestUsers.PASSWORD);
        TestMailServer.awaitCode(user.email(), 1);
        Browser second = new Browser(port);
        SignInSteps.password(second, "acme", user.email(), TestUsers.PASSWORD);

        Page earlier = first.get(CODE_PAGE);
        assertThat(earlier.document().selectFirst("#resend-code").attr("data-wait"))
                .isEqualTo("0");
        Page asked = first.submit(earlier, "form:has(#resend-code)", Map.of());
        assertThat(asked.location()).isEqualTo(CODE_PAGE + "?resent");
        assertThat(state(first.get(CODE_PAGE))).isEqualTo("waiting");
        assertThat(state(second.get(CODE_PAGE))).isEqualTo("elsewhere");
        assertThat(messagesByStatus())
                .as("the second sign-in's code never goes out")
                .containsEntry("WITHDRAWN", 1L);

        Page again = first.submit(first.get(CODE_PAGE), "form:has(#resend-code)", Map.of());
        assertThat(again.status())
                .as("a sign-in holding a code waits for the throttle")
                .isEqualTo(429);
        clock.advance(Duration.ofSeconds(31));
        assertThat(SignInSteps.code(first, "acme", "email", TestMailServer.awaitCode(user.email(), 2))
                        .location())
                .isEqualTo("/sites/acme/");
    }

    @Test
    void signingInAgainAfterTheResendIntervalSendsANewCodeAndTheOldOneStopsWorking() {
        Browser first = new Browser(port);
        SignInSteps.password(first, "acme", user.email(), TestUsers.PASSWORD);
        String old = TestMailServer.awaitCode(user.email(), 1);
        clock.advance(Duration.ofSeconds(31));

        Browser second = new Browser(port);
        SignInSteps.password(second, "acme", user.email(), TestUsers.PASSWORD);
        String fresh = TestMailServer.awaitCode(user.email(), 2);
        assertThat(state(second.get(CODE_PAGE))).isEqualTo("live");
        assertThat(state(first.get(CODE_PAGE))).isEqualTo("elsewhere");

        Page refused = SignInSteps.code(first, "acme", "email", old);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.alerts()).contains("Only your newest code works");
        if (!old.equals(fresh)) {
            assertThat(SignInSteps.code(second, "acme", "email", old).status())
                    .as("a code of one login never works in another")
                    .isEqualTo(401);
        }
        assertThat(SignInSteps.code(second, "acme", "email", fresh).location()).isEqualTo("/sites/acme/");
    }

    @Test
    void theThrottleStillAllowsAtMostFiveSendsIn15Minutes() {
        for (int send = 1; send <= 5; send++) {
            Browser browser = new Browser(port);
            SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
            assertThat(state(browser.get(CODE_PAGE))).isEqualTo("live");
            clock.advance(Duration.ofSeconds(31));
        }
        Browser sixth = new Browser(port);
        SignInSteps.password(sixth, "acme", user.email(), TestUsers.PASSWORD);
        Page page = sixth.get(CODE_PAGE);
        assertThat(state(page))
                .as("no code for a sixth sign-in; the fifth still works where it was sent")
                .isEqualTo("elsewhere");
        assertThat(Long.parseLong(page.document().selectFirst("#resend-code").attr("data-wait")))
                .isPositive();
        assertThat(sixth.submit(page, "form:has(#resend-code)", Map.of()).status())
                .isEqualTo(429);
        assertThat(sendTimes()).hasSize(5);
    }

    /**
     * Someone who knows the password signs in again and again, each time a few seconds apart, so each sign-in's code
     * waits and replaces the one before it. Withdrawn codes count towards the window like sent ones: after five codes
     * in 15 minutes a further sign-in makes none, so it can no longer end the code the user holds.
     */
    @Test
    void signInsThatOnlyReplaceWaitingCodesStopAtTheSameFiveIn15Minutes() {
        Browser user1 = new Browser(port);
        SignInSteps.password(user1, "acme", user.email(), TestUsers.PASSWORD);
        for (int attempt = 1; attempt <= 4; attempt++) {
            clock.advance(Duration.ofSeconds(2));
            Browser attacker = new Browser(port);
            SignInSteps.password(attacker, "acme", user.email(), TestUsers.PASSWORD);
            assertThat(state(attacker.get(CODE_PAGE))).as("attempt %d", attempt).isEqualTo("waiting");
        }
        clock.advance(Duration.ofSeconds(2));
        Browser sixth = new Browser(port);
        SignInSteps.password(sixth, "acme", user.email(), TestUsers.PASSWORD);
        assertThat(state(sixth.get(CODE_PAGE)))
                .as("five codes made in the window: no sixth")
                .isNotEqualTo("waiting");
        assertThat(messagesByStatus())
                .as("one sent, three withdrawn, one waiting")
                .containsEntry("WITHDRAWN", 3L);
    }

    @Test
    void simultaneousSignInsGetOneCodeNowAndOneWhenTheIntervalEndsWhichWorksInExactlyOneOfThem() throws Exception {
        int n = 4;
        List<Browser> browsers = new ArrayList<>();
        List<Page> loginPages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Browser browser = new Browser(port);
            browsers.add(browser);
            loginPages.add(browser.get("/sites/acme/login"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Page>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Browser browser = browsers.get(i);
            Page login = loginPages.get(i);
            answers.add(CompletableFuture.supplyAsync(
                    () -> {
                        await(start);
                        return browser.submit(
                                login, "#login-form", Map.of("username", user.email(), "password", TestUsers.PASSWORD));
                    },
                    pool));
        }
        start.countDown();
        for (CompletableFuture<Page> answer : answers) {
            assertThat(answer.get().location()).isEqualTo(CODE_PAGE);
        }
        pool.shutdown();
        assertThat(sendTimes())
                .as("one message now, one when the interval ends; the rest withdrawn")
                .hasSize(2);

        List<Browser> holders = browsers.stream()
                .filter(b -> !state(b.get(CODE_PAGE)).equals("elsewhere"))
                .toList();
        assertThat(holders)
                .as("exactly one sign-in holds the user's code; the others say where it is")
                .hasSize(1);
        clock.advance(Duration.ofSeconds(31));
        String code = TestMailServer.awaitCode(user.email(), 2);
        for (Browser other : browsers) {
            if (other != holders.get(0)) {
                assertThat(SignInSteps.code(other, "acme", "email", code).status())
                        .isEqualTo(401);
            }
        }
        assertThat(SignInSteps.code(holders.get(0), "acme", "email", code).location())
                .isEqualTo("/sites/acme/");
    }

    /** The code page's state: live, waiting, elsewhere, ended or none. */
    private static String state(Page page) {
        assertThat(page.status()).as("code page").isEqualTo(200);
        return page.document().selectFirst("#code-form").attr("data-code-state");
    }

    /** When the user's codes go out (or went), withdrawn ones left out: the throttle's own input. */
    private List<java.time.Instant> sendTimes() {
        return jdbc
                .sql("select created_at from one_time_code where user_id = ?"
                        + " and (end_reason is null or end_reason <> 'UNSENT') order by created_at")
                .param(user.id())
                .query(java.sql.Timestamp.class)
                .list()
                .stream()
                .map(java.sql.Timestamp::toInstant)
                .toList();
    }

    private Map<String, Long> messagesByStatus() {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("select status from outbox_message where user_id = ? and reference like 'code:%'")
                .param(user.id())
                .query(String.class)
                .list()
                .forEach(status -> counts.merge(status, 1L, Long::sum));
        return counts;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }
}
