package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.mfa.totp.Authenticators;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.IndependentTotp;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.SameSession;
import dev.latchkey.test.SameSession.Answer;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Simultaneous guesses. Before the fix the throttle was asked before the slow hash and told of the failure after it, so
 * 30–40 parallel guesses were all checked and 7 authenticator guesses passed where 5 are allowed. Now an attempt is
 * reserved before it is checked: of N parallel wrong guesses exactly as many are checked as the policy allows, and the
 * rest are told to wait (429 with Retry-After) without being checked.
 */
@IntegrationTest
class ParallelAttemptsIntegrationTests {

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
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void clean() {
        clock.reset();
        jdbc.sql("delete from login_throttle").update();
    }

    @Test
    void parallelWrongPasswordsAreCheckedOnlyAsOftenAsThePolicyAllows() {
        UserView user = testUsers.portalUser("globex");

        List<Answer> answers = passwordBurst(user.email(), 12, port);

        assertThat(answers)
                .filteredOn(a -> a.status() == 401)
                .as("checked: the 5 free failures")
                .hasSize(5);
        assertThat(answers)
                .filteredOn(a -> a.status() == 429)
                .hasSize(7)
                .allMatch(a -> a.retryAfter().isPresent(), "429 carries Retry-After");
        assertThat(jdbc.sql("select failures from login_throttle where throttle_key like 'account:%|' || ?")
                        .param(user.email())
                        .query(Integer.class)
                        .single())
                .as("the account's count")
                .isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'signin.password' and outcome = 'failure'"
                                + " and username = ?")
                        .param(user.email())
                        .query(Long.class)
                        .single())
                .as("exactly the checked guesses were audited as failures")
                .isEqualTo(5);
    }

    @Test
    void parallelWrongAuthenticatorCodesAreCheckedOnlyAsOftenAsThePolicyAllows() {
        UserView user = testUsers.portalUser("acme");
        Realm realm = sites.findBySlug("acme").orElseThrow().realm();
        String secret = testUsers.withAuthenticator(realm, user);
        clock.advance(Duration.ofSeconds(30));
        Browser browser = new Browser(port);
        assertThat(SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/totp");
        String right = IndependentTotp.code(secret, clock.instant());
        String wrong = right.equals("000000") ? "111111" : "000000";
        var form = SameSession.form(browser.get("/sites/acme/login/totp"), "#code-form", Map.of("code", wrong));
        int[] ports = new int[10];
        java.util.Arrays.fill(ports, port);

        List<Answer> answers =
                SameSession.post(browser.sessionId().orElseThrow(), form.getKey(), form.getValue(), ports);

        assertThat(answers).allMatch(a -> a.status() < 500);
        assertThat(answers)
                .filteredOn(a -> a.status() == 401)
                .as("checked: the 5 free failures")
                .hasSize(5);
        assertThat(answers).filteredOn(a -> a.status() == 429).hasSize(5);
        assertThat(users.find(user.id()).orElseThrow().secondFactorFailures()).isEqualTo(5);
        TestMailServer.awaitMessage(user.email(), "A wrong sign-in code was entered");
        sleep(Duration.ofSeconds(3));
        assertThat(TestMailServer.messagesTo(user.email()).stream()
                        .filter(m -> subject(m).contains("A wrong sign-in code was entered"))
                        .count())
                .as("exactly one alert for the burst, however the reservations interleaved")
                .isEqualTo(1);
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (jakarta.mail.MessagingException unreadable) {
            return "";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A double click on the right authenticator code: one request signs in; the others set no cookie (so the browser
     * keeps the winner's), and those that end after the winner replaced the session are led on to the portal instead of
     * an error page.
     */
    @Test
    void aDoubleSubmittedAuthenticatorCodeSignsInOnceAndLeadsTheOthersOn() {
        UserView user = testUsers.portalUser("acme");
        Realm realm = sites.findBySlug("acme").orElseThrow().realm();
        String secret = testUsers.withAuthenticator(realm, user);
        clock.advance(Duration.ofSeconds(30));
        Browser browser = new Browser(port);
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        var form = SameSession.form(
                browser.get("/sites/acme/login/totp"),
                "#code-form",
                Map.of("code", IndependentTotp.code(secret, clock.instant())));

        List<Answer> answers = SameSession.post(
                browser.sessionId().orElseThrow(), form.getKey(), form.getValue(), port, port, port, port);

        // a loser whose check ended before the winner replaced the session is told the code is used up (401); one that
        // ended after it is led on to the portal; none fails or sets a cookie
        assertThat(answers)
                .allMatch(
                        a -> a.status() == 401 || a.status() == 302 && "/sites/acme/".equals(a.location()),
                        "refused as used up, or led on to the portal");
        assertThat(answers)
                .filteredOn(a -> a.newSession().isPresent())
                .hasSize(1)
                .allMatch(a -> SameSession.get(port, a.newSession().get(), "/sites/acme/")
                                .status()
                        == 200);
    }

    /** {@code n} wrong passwords at once, each from its own login page and CSRF token, spread over {@code ports}. */
    static List<Answer> passwordBurst(String email, int n, int... ports) {
        List<SameSession.Post> posts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int node = ports[i % ports.length];
            Browser browser = new Browser(node);
            var form = SameSession.form(
                    browser.get("/sites/globex/login"),
                    "#login-form",
                    Map.of("username", email, "password", "wrong guess " + i));
            posts.add(new SameSession.Post(browser.sessionId().orElseThrow(), form.getKey(), form.getValue(), node));
        }
        List<Answer> answers = SameSession.postEach(posts);
        assertThat(answers).allMatch(a -> a.status() < 500);
        return answers;
    }
}
