package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.mfa.totp.Authenticators;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IndependentTotp;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One gate for every second-factor check (signin/ProofGate): every entry point that checks a second factor or a
 * password proof of a signed-in or half-signed-in user reserves, delays, counts, audits, notifies and locks in the same
 * way, because one service ({@link ProofGate}) does it for all of them. Before, the Security page's proofs had no
 * delay, no audit and no alert, and the forced set-up and the code pages each had their own copy.
 */
@IntegrationTest
class ProofGateIntegrationTests {

    /** The entry points, each able to give a right or a wrong answer for a user it prepared. */
    enum EntryPoint {
        SIGN_IN_AUTHENTICATOR_CODE,
        SIGN_IN_EMAIL_CODE,
        FORCED_SET_UP,
        SECURITY_DISABLE_AUTHENTICATOR,
        SECURITY_DELETE_WITH_PASSWORD,
        SECURITY_REENABLE_AUTHENTICATOR
    }

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

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void aWrongAnswerIsCountedAuditedAndReportedToTheUser(EntryPoint entry) {
        Attempt attempt = prepare(entry);

        Page wrong = attempt.answer(false);

        assertThat(wrong.status()).as("refused").isBetween(400, 499);
        assertThat(users.find(attempt.user().id()).orElseThrow().secondFactorFailures())
                .as("counted")
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'signin.second-factor'"
                                + " and outcome = 'failure' and user_id = ?")
                        .param(attempt.user().id())
                        .query(Long.class)
                        .single())
                .as("audited")
                .isEqualTo(1);
        assertThat(TestMailServer.awaitMessage(attempt.user().email(), "A wrong sign-in code was entered"))
                .as("the user is told")
                .contains("Browser:");
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void inTheFailureDelayEvenTheRightAnswerIsNotChecked(EntryPoint entry) {
        Attempt attempt = prepare(entry);
        failures(attempt.user(), 5, clock.instant());

        Page right = attempt.answer(true);

        assertThat(right.status()).as("told to wait").isEqualTo(429);
        UserView after = users.find(attempt.user().id()).orElseThrow();
        assertThat(after.secondFactorFailures())
                .as("nothing was checked, nothing counted")
                .isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void theHundredthWrongAnswerLocksTheAccount(EntryPoint entry) {
        Attempt attempt = prepare(entry);
        failures(attempt.user(), 99, clock.instant().minus(Duration.ofHours(1)));

        attempt.answer(false);

        assertThat(users.find(attempt.user().id()).orElseThrow().locked())
                .as("locked at the limit")
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void aLockedAccountPassesNothingNotEvenTheRightAnswer(EntryPoint entry) {
        Attempt attempt = prepare(entry);
        // locked behind the sessions' back (an admin's lock would also end them), to reach every entry point
        jdbc.sql("update app_user set locked_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), attempt.user().id())
                .update();
        long passedBefore = passed(attempt.user());

        Page right = attempt.answer(true);

        assertThat(right.status()).isEqualTo(403);
        assertThat(users.find(attempt.user().id()).orElseThrow().secondFactorFailures())
                .as("a locked account's answers are not even checked")
                .isZero();
        assertThat(passed(attempt.user())).as("nothing passed").isEqualTo(passedBefore);
    }

    private long passed(UserView user) {
        return jdbc.sql("select count(*) from audit_event where type = 'signin.second-factor' and outcome = 'success'"
                        + " and user_id = ?")
                .param(user.id())
                .query(Long.class)
                .single();
    }

    private void failures(UserView user, int count, java.time.Instant at) {
        jdbc.sql("update app_user set second_factor_failures = ?, second_factor_failed_at = ? where id = ?")
                .params(count, Timestamp.from(at), user.id())
                .update();
    }

    /** A user standing in front of the entry point, and how to answer it. */
    record Attempt(UserView user, BiFunction<Boolean, Void, Page> answerer) {
        Page answer(boolean right) {
            return answerer.apply(right, null);
        }
    }

    private Attempt prepare(EntryPoint entry) {
        Realm acme = sites.findBySlug("acme").orElseThrow().realm();
        switch (entry) {
            case SIGN_IN_AUTHENTICATOR_CODE: {
                UserView user = testUsers.portalUser("acme");
                String secret = activate(acme, user);
                Browser browser = new Browser(port);
                assertThat(SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD)
                                .location())
                        .isEqualTo("/sites/acme/login/totp");
                return new Attempt(user, (right, x) -> SignInSteps.code(browser, "acme", "totp", totp(secret, right)));
            }
            case SIGN_IN_EMAIL_CODE: {
                UserView user = testUsers.portalUser("acme");
                Browser browser = new Browser(port);
                assertThat(SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD)
                                .location())
                        .isEqualTo("/sites/acme/login/email");
                String code = TestMailServer.awaitCode(user.email(), 1);
                return new Attempt(
                        user, (right, x) -> SignInSteps.code(browser, "acme", "email", right ? code : wrong(code)));
            }
            case FORCED_SET_UP: {
                UserView user = testUsers.portalUser("acme", true);
                Browser browser = new Browser(port);
                assertThat(SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD)
                                .location())
                        .isEqualTo("/sites/acme/login/email");
                assertThat(SignInSteps.code(browser, "acme", "email", TestMailServer.awaitCode(user.email(), 1))
                                .location())
                        .isEqualTo("/sites/acme/login/setup");
                Page setup = browser.get("/sites/acme/login/setup");
                String secret =
                        setup.document().selectFirst("#totp-secret").text().replace(" ", "");
                return new Attempt(
                        user,
                        (right, x) -> browser.submit(
                                browser.get("/sites/acme/login/setup"),
                                "#totp-confirm-form",
                                Map.of("code", totp(secret, right))));
            }
            case SECURITY_DISABLE_AUTHENTICATOR: {
                UserView user = testUsers.portalUser("acme");
                String secret = activate(acme, user);
                Browser browser = signedInWithAuthenticator(user, secret);
                return new Attempt(
                        user,
                        (right, x) -> browser.submit(
                                browser.get("/sites/acme/account/security"),
                                "form[action$='/totp/disable']",
                                Map.of("code", totp(secret, right))));
            }
            case SECURITY_DELETE_WITH_PASSWORD: {
                UserView user = testUsers.portalUser("acme");
                String secret = activate(acme, user);
                Browser browser = signedInWithAuthenticator(user, secret);
                return new Attempt(
                        user,
                        (right, x) -> browser.submit(
                                browser.get("/sites/acme/account/security"),
                                "form[action$='/totp/delete']",
                                Map.of("credential", right ? TestUsers.PASSWORD : "not the password")));
            }
            default: {
                UserView user = testUsers.portalUser("acme");
                String secret = activate(acme, user);
                authenticators.disable(acme, user.id(), "test");
                Browser browser = new Browser(port);
                SignInSteps.signInWithEmail(browser, "acme", user.email(), TestUsers.PASSWORD, 1);
                return new Attempt(
                        user,
                        (right, x) -> browser.submit(
                                browser.get("/sites/acme/account/security"),
                                "form[action$='/totp/reenable']",
                                Map.of("code", totp(secret, right))));
            }
        }
    }

    private Browser signedInWithAuthenticator(UserView user, String secret) {
        Browser browser = new Browser(port);
        assertThat(SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/totp");
        assertThat(SignInSteps.code(browser, "acme", "totp", IndependentTotp.code(secret, clock.instant()))
                        .location())
                .isEqualTo("/sites/acme/");
        clock.advance(Duration.ofSeconds(30));
        return browser;
    }

    private String activate(Realm realm, UserView user) {
        String secret = testUsers.withAuthenticator(realm, user);
        clock.advance(Duration.ofSeconds(30));
        return secret;
    }

    private String totp(String secret, boolean right) {
        String code = IndependentTotp.code(secret, clock.instant());
        return right ? code : wrong(code);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
