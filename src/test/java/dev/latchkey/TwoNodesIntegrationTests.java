package dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.delivery.Channel;
import dev.latchkey.delivery.Outbox;
import dev.latchkey.delivery.OutgoingMessage;
import dev.latchkey.mfa.totp.Authenticators;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IndependentTotp;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.Races;
import dev.latchkey.test.SameSession;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestEnvironment;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scale-out: two Latchkey nodes on one database, as behind a load balancer without sticky sessions. Node A is the test
 * application; node B is a second instance of the application on its own random port, with the same database,
 * encryption key and SMTP server. Both run their outbox worker. On the PostgreSQL execution of the build the database
 * is a real PostgreSQL; on the H2 execution both nodes share the in-memory H2 database of this JVM.
 */
@IntegrationTest
class TwoNodesIntegrationTests {

    private static ConfigurableApplicationContext nodeB;
    private static int portB;

    @LocalServerPort
    int portA;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    Authenticators authenticators;

    @Autowired
    MutableClock clock;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startNodeB() {
        nodeB = new SpringApplicationBuilder(LatchkeyApplication.class)
                .initializers(new TestEnvironment())
                .properties("server.port=0")
                .run();
        portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopNodeB() {
        nodeB.close();
    }

    @BeforeEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void passwordOnAEmailCodeOnBPortalOnA() {
        UserView user = testUsers.portalUser("acme");
        Browser onA = new Browser(portA);
        Browser onB = onA.onPort(portB);

        assertThat(SignInSteps.password(onA, "acme", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/email");
        String code = TestMailServer.awaitCode(user.email(), 1);
        assertThat(SignInSteps.code(onB, "acme", "email", code).location()).isEqualTo("/sites/acme/");

        Page home = onA.get("/sites/acme/");
        assertThat(home.status())
                .as("signed in on A with the session B completed")
                .isEqualTo(200);
        assertThat(home.location()).isNull();
    }

    @Test
    void anAuthenticatorCodeUsedOnAIsRefusedOnB() {
        UserView user = testUsers.portalUser("acme");
        String secret = enrolAuthenticator(user);
        long next = Math.floorDiv(clock.instant().getEpochSecond(), 30) + 1;
        String code = IndependentTotp.codeAtStep(secret, next);

        Browser first = new Browser(portA);
        assertThat(SignInSteps.password(first, "acme", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/totp");
        assertThat(SignInSteps.code(first, "acme", "totp", code).location()).isEqualTo("/sites/acme/");

        Browser second = new Browser(portB);
        assertThat(SignInSteps.password(second, "acme", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/totp");
        Page replay = SignInSteps.code(second, "acme", "totp", code);
        assertThat(replay.status()).as("the same code on node B").isNotEqualTo(302);
        assertThat(replay.location()).isNull();
        assertThat(second.get("/sites/acme/").location())
                .as("not signed in on B")
                .contains("/login");
    }

    @Test
    void wrongSecondFactorAnswersOnBothNodesAddUpAndTheDelayHoldsOnBoth() {
        UserView user = testUsers.portalUser("acme");
        String secret = enrolAuthenticator(user);
        Browser onA = new Browser(portA);
        Browser onB = new Browser(portB);
        SignInSteps.password(onA, "acme", user.email(), TestUsers.PASSWORD);
        SignInSteps.password(onB, "acme", user.email(), TestUsers.PASSWORD);

        for (int i = 0; i < 3; i++) {
            assertThat(SignInSteps.code(onA, "acme", "totp", "000000").status()).isNotEqualTo(302);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(SignInSteps.code(onB, "acme", "totp", "000000").status()).isNotEqualTo(302);
        }
        assertThat(users.find(user.id()).orElseThrow().secondFactorFailures()).isEqualTo(5);

        String right =
                IndependentTotp.codeAtStep(secret, Math.floorDiv(clock.instant().getEpochSecond(), 30) + 1);
        assertThat(SignInSteps.code(onA, "acme", "totp", right).status()).isEqualTo(429);
        assertThat(SignInSteps.code(onB, "acme", "totp", right).status()).isEqualTo(429);
    }

    @Test
    void wrongPasswordsOnBothNodesShareOneThrottle() {
        UserView user = testUsers.portalUser("acme");
        for (int i = 0; i < 5; i++) {
            Browser browser = new Browser(i % 2 == 0 ? portA : portB);
            assertThat(SignInSteps.password(browser, "acme", user.email(), "wrong password " + i)
                            .status())
                    .isEqualTo(401);
        }
        Page onA = SignInSteps.password(new Browser(portA), "acme", user.email(), TestUsers.PASSWORD);
        Page onB = SignInSteps.password(new Browser(portB), "acme", user.email(), TestUsers.PASSWORD);
        assertThat(onA.status()).as("throttled on A, right password or not").isEqualTo(429);
        assertThat(onB.status()).as("throttled on B too").isEqualTo(429);

        clock.advance(Duration.ofSeconds(2)); // node A's clock; B keeps its own
        assertThat(SignInSteps.password(new Browser(portA), "acme", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/email");
    }

    @Test
    void twoOutboxWorkersOnOneDatabaseSendEveryMessageExactlyOnce() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            recipients.add("two-nodes-" + batch + "-" + i + "@example.test");
        }
        // one transaction: all rows become due at once, and both nodes' workers (woken on A, polling on B) race
        transactions.executeWithoutResult(tx -> recipients.forEach(to -> outbox.enqueue(new OutgoingMessage(
                Channel.EMAIL, to, "Two nodes", "one message for " + to, "two-nodes:" + batch, null, null))));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && pending(batch) > 0) {
            sleep(100);
        }
        assertThat(pending(batch)).as("all sent").isZero();
        sleep(1000); // a duplicate would be on its way by now
        for (String to : recipients) {
            assertThat(TestMailServer.messagesTo(to)).as("messages to %s", to).hasSize(1);
        }
        assertThat(jdbc.sql("select count(*) from outbox_message where reference = ? and status = 'SENT'"
                                + " and attempts = 1")
                        .param("two-nodes:" + batch)
                        .query(Integer.class)
                        .single())
                .isEqualTo(recipients.size());
    }

    private int pending(String batch) {
        return jdbc.sql("select count(*) from outbox_message where reference = ? and status <> 'SENT'")
                .param("two-nodes:" + batch)
                .query(Integer.class)
                .single();
    }

    /** Enrols and confirms an authenticator with the current step's code; answers the secret. */
    private String enrolAuthenticator(UserView user) {
        Realm acme = sites.findBySlug("acme").orElseThrow().realm();
        String secret = authenticators
                .enrolment(user.id(), "Acme", user.email())
                .orElseThrow()
                .manualKey()
                .replace(" ", "");
        assertThat(authenticators.confirm(acme, user.id(), IndependentTotp.code(secret, clock.instant())))
                .isTrue();
        return secret;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** Parallel guesses spread over both nodes are counted as they arrive, on either node. */
    @Test
    void parallelWrongPasswordsOnBothNodesAreCheckedOnlyAsOftenAsThePolicyAllows() {
        jdbc.sql("delete from login_throttle").update();
        UserView user = testUsers.portalUser("globex");
        List<SameSession.Answer> answers = new ArrayList<>();
        List<SameSession.Post> posts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int node = i % 2 == 0 ? portA : portB;
            Browser browser = new Browser(node);
            var form = SameSession.form(
                    browser.get("/sites/globex/login"),
                    "#login-form",
                    Map.of("username", user.email(), "password", "wrong guess " + i));
            posts.add(new SameSession.Post(browser.sessionId().orElseThrow(), form.getKey(), form.getValue(), node));
        }
        answers.addAll(SameSession.postEach(posts));
        jdbc.sql("delete from login_throttle").update();

        assertThat(answers).allMatch(a -> a.status() < 500);
        assertThat(answers)
                .filteredOn(a -> a.status() == 401)
                .as("checked: the 5 free failures")
                .hasSize(5);
        assertThat(answers).filteredOn(a -> a.status() == 429).hasSize(7);
    }

    /** Double submits of the code step, the requests spread over both nodes. */
    @Test
    void aDoubleSubmittedCodeOverTwoNodesSignsInOnlyTheWinnersNewSession() {
        Races.codeStep(testUsers, 20, portA, portB);
    }

    /** Double submits of a password-only sign-in, the requests spread over both nodes. */
    @Test
    void aDoubleSubmittedPasswordOverTwoNodesSignsInOnlyTheWinnersNewSession() {
        Races.passwordOnlySignIn(testUsers, 10, portA, portB);
    }
}
