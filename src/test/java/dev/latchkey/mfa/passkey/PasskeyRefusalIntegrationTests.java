package dev.latchkey.mfa.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.sites.MfaPolicy;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * F-PASSKEY-1 refusals: a wrong origin or RP id, a signature counter that goes backwards, a used or expired challenge,
 * a passkey of another user or another site, a double submit, and answers that are no credential at all.
 */
@IntegrationTest
class PasskeyRefusalIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Passkeys passkeys;

    @Autowired
    Users users;

    @Autowired
    MfaPolicy policy;

    @Autowired
    Sites sites;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    /** Acme allows passkeys in the demo data; a test elsewhere may have changed its factors since. */
    @org.junit.jupiter.api.BeforeEach
    void acmeAllowsPasskeys() {
        SiteView acme = sites.findBySlug("acme").orElseThrow();
        java.util.Set<String> factors = new java.util.HashSet<>(acme.allowedFactors());
        factors.add("passkey");
        policy.updateSite(acme.id(), acme.mfaMode(), factors, acme.codeTtl(), "test");
    }

    @AfterEach
    void reset() {
        clock.reset();
        SiteView globex = sites.findBySlug("globex").orElseThrow();
        Set<String> factors = new HashSet<>(globex.allowedFactors());
        factors.remove("passkey");
        policy.updateSite(globex.id(), globex.mfaMode(), factors, globex.codeTtl(), "test");
    }

    @Test
    void aRegistrationFromAnotherOriginOrForAnotherRpIdIsRefused() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = signedIn(user);
        Page fromPhishingPage = PasskeySteps.register(
                browser,
                "acme",
                new SoftwareAuthenticator("http://localhost:" + port).origin("https://evil.test"),
                "x");
        assertThat(fromPhishingPage.status()).isEqualTo(422);
        Page otherRp = PasskeySteps.register(
                browser, "acme", new SoftwareAuthenticator("http://localhost:" + port).rpId("evil.test"), "x");
        assertThat(otherRp.status()).isEqualTo(422);
        assertThat(passkeys.count(user.id())).isZero();
    }

    @Test
    void aSignInFromAnotherOriginOrForAnotherRpIdIsRefusedAndCounted() {
        UserView user = testUsers.portalUser("acme");
        SoftwareAuthenticator key = registered(user);
        Browser browser = new Browser(port);
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        assertThat(PasskeySteps.secondStep(browser, "acme", key.origin("https://evil.test"))
                        .status())
                .isEqualTo(401);
        key.origin("http://localhost:" + port);
        assertThat(PasskeySteps.secondStep(browser, "acme", key.rpId("evil.test"))
                        .status())
                .isEqualTo(401);
        assertThat(users.find(user.id()).orElseThrow().secondFactorFailures()).isEqualTo(2);
        key.rpId("localhost");
        assertThat(PasskeySteps.redirect(PasskeySteps.secondStep(browser, "acme", key)))
                .isEqualTo("/sites/acme/");
    }

    @Test
    void aSignatureCounterThatGoesBackwardsIsRefusedAuditedAndMailed() {
        UserView user = testUsers.portalUser("acme");
        SoftwareAuthenticator key = registered(user);
        Browser first = new Browser(port);
        assertThat(PasskeySteps.redirect(PasskeySteps.passwordless(first, "acme", key.counter(5))))
                .isEqualTo("/sites/acme/");

        Browser clone = new Browser(port);
        Page refused = PasskeySteps.passwordless(clone, "acme", key.counter(2));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(clone.get("/sites/acme/").isRedirect()).as("not signed in").isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where user_id = ? and type = ?")
                        .params(user.id(), "factor.passkey-counter-regressed")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(TestMailServer.awaitMessage(user.email(), "suspicious passkey"))
                .contains("refused");
    }

    @Test
    void aUsedOrExpiredChallengeIsRefused() {
        UserView user = testUsers.portalUser("acme");
        SoftwareAuthenticator key = registered(user);

        Browser browser = new Browser(port);
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        Page page = browser.get("/sites/acme/login/passkey");
        String answer = key.sign(PasskeySteps.options(browser, page, "#passkey-form"));
        assertThat(PasskeySteps.redirect(PasskeySteps.answer(browser, page, "#passkey-form", answer)))
                .isEqualTo("/sites/acme/");

        Browser replay = new Browser(port);
        SignInSteps.password(replay, "acme", user.email(), TestUsers.PASSWORD);
        Page replayPage = replay.get("/sites/acme/login/passkey");
        assertThat(PasskeySteps.answer(replay, replayPage, "#passkey-form", answer)
                        .status())
                .as("the challenge was used")
                .isEqualTo(400);

        String late = key.sign(PasskeySteps.options(replay, replayPage, "#passkey-form"));
        clock.advance(Duration.ofMinutes(6));
        assertThat(PasskeySteps.answer(replay, replayPage, "#passkey-form", late)
                        .status())
                .as("the challenge expired")
                .isEqualTo(400);
        assertThat(users.find(user.id()).orElseThrow().secondFactorFailures())
                .as("answers that were not checked do not count")
                .isZero();
    }

    @Test
    void aPasskeyOfAnotherUserOrAnotherSiteIsRefused() {
        UserView alice = testUsers.portalUser("acme");
        UserView mallory = testUsers.portalUser("acme");
        registered(alice);
        SoftwareAuthenticator mallorysKey = registered(mallory);

        Browser browser = new Browser(port);
        SignInSteps.password(browser, "acme", alice.email(), TestUsers.PASSWORD);
        assertThat(PasskeySteps.secondStep(browser, "acme", mallorysKey).status())
                .isEqualTo(401);
        assertThat(browser.get("/sites/acme/").isRedirect()).isTrue();

        SiteView globex = sites.findBySlug("globex").orElseThrow();
        Set<String> factors = new HashSet<>(globex.allowedFactors());
        factors.add("passkey");
        policy.updateSite(globex.id(), globex.mfaMode(), factors, globex.codeTtl(), "test");
        Browser elsewhere = new Browser(port);
        Page atGlobex = PasskeySteps.passwordless(elsewhere, "globex", mallorysKey);
        assertThat(atGlobex.status()).isEqualTo(401);
        assertThat(elsewhere.get("/sites/globex/").isRedirect()).isTrue();
        assertThat(users.find(mallory.id()).orElseThrow().secondFactorFailures())
                .as("a key shown at another site counts against nobody there")
                .isZero();
    }

    @Test
    void aStrangerShowingSomeonesCredentialIdChargesTheNetworkNotTheOwner() {
        UserView owner = testUsers.portalUser("acme");
        SoftwareAuthenticator ownersKey = registered(owner);
        for (int i = 0; i < 3; i++) {
            Browser stranger = new Browser(port);
            Page login = stranger.get("/sites/acme/login");
            String answer = ownersKey.sign(PasskeySteps.options(stranger, login, "#passkey-signin-form"));
            // the owner's credential id and user handle, with a signature that is not the owner's
            String forged = answer.replaceFirst("\"signature\":\"[A-Za-z0-9_-]+\"", "\"signature\":\"AAAA\"");
            assertThat(forged).isNotEqualTo(answer);
            assertThat(PasskeySteps.answer(stranger, login, "#passkey-signin-form", forged)
                            .status())
                    .isEqualTo(401);
        }
        assertThat(users.find(owner.id()).orElseThrow().secondFactorFailures())
                .as("a credential id is no secret: nothing is charged to its owner")
                .isZero();
        assertThat(PasskeySteps.redirect(PasskeySteps.passwordless(new Browser(port), "acme", ownersKey)))
                .as("the owner signs in undelayed")
                .isEqualTo("/sites/acme/");
    }

    @Test
    void askingForChallengesAgainReplacesThemInsteadOfFillingTheTable() {
        Browser browser = new Browser(port);
        Page login = browser.get("/sites/acme/login");
        long before = challenges();
        for (int i = 0; i < 6; i++) {
            PasskeySteps.options(browser, login, "#passkey-signin-form");
        }
        assertThat(challenges() - before).isEqualTo(1);
    }

    @Test
    void ofTwoSimultaneousSubmitsOfOneAnswerExactlyOneSignsIn() throws Exception {
        UserView user = testUsers.portalUser("acme");
        SoftwareAuthenticator key = registered(user);
        Browser browser = new Browser(port);
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        Page page = browser.get("/sites/acme/login/passkey");
        String answer = key.sign(PasskeySteps.options(browser, page, "#passkey-form"));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Page>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return PasskeySteps.answer(browser, page, "#passkey-form", answer);
            }));
        }
        start.countDown();
        for (Future<Page> each : answers) {
            assertThat(each.get().status()).as(each.get().body()).isLessThan(500);
        }
        pool.shutdown();
        assertThat(jdbc.sql("select count(*) from audit_event where user_id = ? and type = ?")
                        .params(user.id(), "signin.completed")
                        .query(Long.class)
                        .single())
                .as("one sign-in of this user after the registering one")
                .isEqualTo(2);
    }

    @Test
    void answersThatAreNoCredentialAreA400AndChangeNothing() {
        UserView user = testUsers.portalUser("acme");
        Browser account = signedIn(user);
        SoftwareAuthenticator key = new SoftwareAuthenticator("http://localhost:" + port);
        PasskeySteps.redirect(PasskeySteps.register(account, "acme", key, "Key"));
        Page security = account.get("/sites/acme/account/security");
        PasskeySteps.options(account, security, "#passkey-register-form");
        for (String junk : List.of("{\"name\":\"x\",\"credential\":[]}", "{\"credential\":{}}", "x".repeat(100_000))) {
            assertThat(PasskeySteps.answer(account, security, "#passkey-register-form", junk)
                            .status())
                    .isEqualTo(400);
        }

        Browser browser = new Browser(port);
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        Page page = browser.get("/sites/acme/login/passkey");
        PasskeySteps.options(browser, page, "#passkey-form");
        for (String junk :
                List.of("", "not json", "{}", "[1,2]", "{\"id\":\"x\",\"rawId\":\"%%%\"}", "x".repeat(100_000))) {
            Page answer = PasskeySteps.answer(browser, page, "#passkey-form", junk);
            assertThat(answer.status())
                    .as(junk.length() > 40 ? "oversized" : junk)
                    .isEqualTo(400);
        }
        assertThat(users.find(user.id()).orElseThrow().secondFactorFailures()).isZero();
        assertThat(passkeys.count(user.id())).isEqualTo(1);
        assertThat(PasskeySteps.redirect(PasskeySteps.secondStep(browser, "acme", key)))
                .as("the login goes on")
                .isEqualTo("/sites/acme/");
    }

    private Browser signedIn(UserView user) {
        Browser browser = new Browser(port);
        SignInSteps.signInWithEmail(
                browser,
                "acme",
                user.email(),
                TestUsers.PASSWORD,
                TestMailServer.messagesTo(user.email()).size() + 1);
        return browser;
    }

    private long challenges() {
        return jdbc.sql("select count(*) from passkey_challenge")
                .query(Long.class)
                .single();
    }

    private SoftwareAuthenticator registered(UserView user) {
        Browser browser = signedIn(user);
        SoftwareAuthenticator key = new SoftwareAuthenticator("http://localhost:" + port);
        PasskeySteps.redirect(PasskeySteps.register(browser, "acme", key, "Key"));
        return key;
    }
}
