package dev.latchkey.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.SameSession.Answer;
import dev.latchkey.users.UserView;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Double submits: the same step POSTed 2–8 times at once from one session, on one node or spread over several. For
 * every step that changes the session id or its authentication: at most one succeeds, the id from before the step is
 * never signed in (or half signed in) afterwards, the winning browser stays where the step took it, and no request
 * fails with a 5xx.
 */
public final class Races {

    private Races() {}

    /** The code step of an email-code sign-in, {@code rounds} times with a new user each time. */
    public static void codeStep(TestUsers testUsers, int rounds, int... ports) {
        for (int round = 0; round < rounds; round++) {
            int[] targets = spread(ports, 2 + round % 7);
            UserView user = testUsers.portalUser("acme");
            Browser browser = new Browser(ports[0]);
            assertThat(SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD)
                            .location())
                    .isEqualTo("/sites/acme/login/email");
            String before = browser.sessionId().orElseThrow();
            Page codePage = browser.get("/sites/acme/login/email");
            var form =
                    SameSession.form(codePage, "#code-form", Map.of("code", TestMailServer.awaitCode(user.email(), 1)));

            List<Answer> answers = SameSession.post(before, form.getKey(), form.getValue(), targets);

            Answer winner = exactlyOneWinner(answers, "/sites/acme/", round);
            assertSignedIn(ports, winner.newSession().orElseThrow(), "/sites/acme/", round);
            assertSignedOut(ports, before, "/sites/acme/", round);
        }
    }

    /** The password step of a site that then asks for a code. */
    public static void passwordStepBeforeACode(TestUsers testUsers, int rounds, int... ports) {
        for (int round = 0; round < rounds; round++) {
            int[] targets = spread(ports, 2 + round % 7);
            UserView user = testUsers.portalUser("acme");
            Browser browser = new Browser(ports[0]);
            String before = sessionOfLoginPage(browser, "acme");
            var form = SameSession.form(
                    browser.get("/sites/acme/login"),
                    "#login-form",
                    Map.of("username", user.email(), "password", TestUsers.PASSWORD));

            List<Answer> answers = SameSession.post(before, form.getKey(), form.getValue(), targets);

            Answer winner = exactlyOneWinner(answers, "/sites/acme/login/email", round);
            for (int port : ports) {
                assertThat(SameSession.get(port, winner.newSession().orElseThrow(), "/sites/acme/login/email")
                                .status())
                        .as("round %d: the winner's code page", round)
                        .isEqualTo(200);
                assertThat(SameSession.get(port, before, "/sites/acme/login/email")
                                .location())
                        .as("round %d: the id from before the step holds no pending login", round)
                        .isEqualTo("/sites/acme/login?expired");
            }
        }
    }

    /** The password step of a password-only sign-in (a site with MFA optional, a user without a factor). */
    public static void passwordOnlySignIn(TestUsers testUsers, int rounds, int... ports) {
        for (int round = 0; round < rounds; round++) {
            int[] targets = spread(ports, 2 + round % 7);
            UserView user = testUsers.portalUserWithoutFactor("globex");
            Browser browser = new Browser(ports[0]);
            String before = sessionOfLoginPage(browser, "globex");
            var form = SameSession.form(
                    browser.get("/sites/globex/login"),
                    "#login-form",
                    Map.of("username", user.email(), "password", TestUsers.PASSWORD));

            List<Answer> answers = SameSession.post(before, form.getKey(), form.getValue(), targets);

            Answer winner = exactlyOneWinner(answers, "/sites/globex/", round);
            assertSignedIn(ports, winner.newSession().orElseThrow(), "/sites/globex/", round);
            assertSignedOut(ports, before, "/sites/globex/", round);
        }
    }

    private static String sessionOfLoginPage(Browser browser, String slug) {
        assertThat(browser.get("/sites/" + slug + "/login").status()).isEqualTo(200);
        return browser.sessionId().orElseThrow();
    }

    /** The i-th of {@code n} requests goes to the i-th node, round robin. */
    private static int[] spread(int[] ports, int n) {
        return IntStream.range(0, n).map(i -> ports[i % ports.length]).toArray();
    }

    /**
     * The one answer that went on to {@code next} in a new session. A losing request changes nothing and sets no
     * cookie, so the browser keeps the winner's if it got it; it is refused, or led to the site's home.
     */
    private static Answer exactlyOneWinner(List<Answer> answers, String next, int round) {
        assertThat(answers).as("round %d: no 5xx among %s", round, answers).allMatch(a -> a.status() < 500);
        List<Answer> winners =
                answers.stream().filter(a -> a.newSession().isPresent()).toList();
        assertThat(winners)
                .as("round %d: exactly one of %s set a new session", round, answers)
                .hasSize(1);
        assertThat(winners.get(0).status()).isEqualTo(302);
        assertThat(winners.get(0).location())
                .as("round %d: the winner goes on", round)
                .isEqualTo(next);
        return winners.get(0);
    }

    private static void assertSignedIn(int[] ports, String session, String home, int round) {
        for (int port : ports) {
            Answer page = SameSession.get(port, session, home);
            assertThat(page.status())
                    .as("round %d: the winner's cookie opens %s on port %d", round, home, port)
                    .isEqualTo(200);
        }
    }

    private static void assertSignedOut(int[] ports, String session, String home, int round) {
        for (int port : ports) {
            Answer page = SameSession.get(port, session, home);
            assertThat(page.status())
                    .as("round %d: the id from before the step is not signed in", round)
                    .isEqualTo(302);
            assertThat(page.location()).endsWith("/login");
        }
    }
}
