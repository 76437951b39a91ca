package dev.latchkey.signin;

import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.Races;
import dev.latchkey.test.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A double submit (2–8 simultaneous POSTs of one session) of any step that changes the session id or its
 * authentication. Before the fix a losing request wrote its stale session id back after the winner renamed the session:
 * the id from before the code step was signed in and the winner's cookie was dead (every run of the old code failed in
 * round 0 or 1). 50 rounds of the code step and 25 of each password step, 2 to 8 requests each;
 * {@code TwoNodesIntegrationTests} runs the same rounds spread over two nodes.
 */
@IntegrationTest
class SessionRaceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void forgetThrottles() {
        jdbc.sql("delete from login_throttle").update();
    }

    @Test
    void aDoubleSubmittedCodeSignsInOnlyTheWinnersNewSession() {
        Races.codeStep(testUsers, 50, port);
    }

    @Test
    void aDoubleSubmittedPasswordLeavesOnePendingLoginInOneNewSession() {
        Races.passwordStepBeforeACode(testUsers, 25, port);
    }

    @Test
    void aDoubleSubmittedPasswordOnlySignInSignsInOnlyTheWinnersNewSession() {
        Races.passwordOnlySignIn(testUsers, 25, port);
    }
}
