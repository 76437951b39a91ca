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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * NIST SP 800-63B rate limiting of the second factor: growing delays after 5 wrong answers, counted per account across
 * sessions (and, being in the database, across nodes and restarts), and a lock at 100 that even the right code cannot
 * pass.
 */
@IntegrationTest
class SecondFactorBruteForceIntegrationTests {

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

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void wrongAnswersFromTwoSessionsAddUpAndTheDelayHoldsForBoth() {
        UserView user = testUsers.portalUser("acme");
        Browser first = new Browser(port);
        Browser second = new Browser(port);
        SignInSteps.password(first, "acme", user.email(), TestUsers.PASSWORD);
        String firstCode = TestMailServer.awaitCode(user.email(), 1);
        for (int i = 0; i < 3; i++) {
            SignInSteps.code(first, "acme", "email", wrong(firstCode));
        }
        // only the newest code of a user works (F-CODE-2): the second sign-in's code ends the first one's
        clock.advance(Duration.ofSeconds(31));
        SignInSteps.password(second, "acme", user.email(), TestUsers.PASSWORD);
        String secondCode = TestMailServer.awaitCode(user.email(), 2);
        for (int i = 0; i < 2; i++) {
            SignInSteps.code(second, "acme", "email", wrong(secondCode));
        }
        assertThat(users.find(user.id()).orElseThrow().secondFactorFailures()).isEqualTo(5);

        Page waitInFirst = SignInSteps.code(first, "acme", "email", firstCode);
        Page waitInSecond = SignInSteps.code(second, "acme", "email", secondCode);
        assertThat(waitInFirst.status()).isEqualTo(waitInSecond.status()).isEqualTo(429);
        assertThat(waitInSecond.alerts()).contains("Too many wrong codes");

        clock.advance(Duration.ofSeconds(2));
        assertThat(SignInSteps.code(second, "acme", "email", secondCode).location())
                .isEqualTo("/sites/acme/");
        assertThat(users.find(user.id()).orElseThrow().secondFactorFailures()).isZero();
    }

    @Test
    void theCountIsStoredSoARestartDoesNotForgetIt() {
        UserView user = testUsers.portalUser("acme");
        for (int i = 0; i < 7; i++) {
            users.recordSecondFactorFailure(user.id());
        }
        // what a restarted node reads: the row itself
        var row = jdbc.sql("select second_factor_failures, second_factor_failed_at from app_user where id = ?")
                .param(user.id())
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getTimestamp(2)})
                .single();
        assertThat(row[0]).isEqualTo(7);
        assertThat(row[1]).isNotNull();
    }

    @Test
    void theHundredAndFirstAttemptIsRefusedEvenWithTheRightCode() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        String code = TestMailServer.awaitCode(user.email(), 1);
        for (int i = 0; i < 99; i++) {
            users.recordSecondFactorFailure(user.id());
        }
        // as if the 99 came over more than the longest delay: the 100th is allowed to happen
        jdbc.sql("update app_user set second_factor_failed_at = ? where id = ?")
                .params(java.sql.Timestamp.from(clock.instant().minus(Duration.ofMinutes(16))), user.id())
                .update();
        Page hundredth = SignInSteps.code(browser, "acme", "email", wrong(code));
        assertThat(hundredth.status()).isEqualTo(403);
        assertThat(hundredth.alerts()).contains("locked");
        assertThat(users.find(user.id()).orElseThrow().locked()).isTrue();

        String csrf = browser.get("/sites/acme/login")
                .document()
                .selectFirst("input[name=_csrf]")
                .attr("value");
        Page withTheRightCode = browser.post("/sites/acme/login/email", Map.of("_csrf", csrf, "code", code));
        assertThat(withTheRightCode.location())
                .as("the 101st attempt, right code")
                .isEqualTo("/sites/acme/login?expired");
        assertThat(browser.get("/sites/acme/").location()).isEqualTo("/sites/acme/login");
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
