package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.mfa.TwoFactorSetup;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * F-ADMIN-3: after an admin deletes a user's 2FA setup, the user's next sign-in says what happened (before, only the
 * email did). Every page of a second step says it until a sign-in completes, so someone with the password alone cannot
 * use it up; a sign-in with the password alone says it on a page of its own, once.
 */
@IntegrationTest
class SetupRemovedNoticeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Sites sites;

    @Autowired
    TwoFactorSetup twoFactorSetup;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void onlyASignInThatPassedItsSecondStepIsToldThenNeverAgain() {
        UserView user = testUsers.portalUser("acme");
        testUsers.withAuthenticator(realm("acme"), user);
        deleteAsAdmin(user);
        String removedOn = today(); // the day of the removal, even if the test runs past midnight

        Browser attempt = new Browser(port);
        assertThat(SignInSteps.password(attempt, "acme", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/email");
        assertThat(attempt.get("/sites/acme/login/email").document().select("#setup-removed-notice"))
                .as("the password alone does not learn that the setup was wiped")
                .isEmpty();

        clock.advance(Duration.ofSeconds(31));
        Browser signIn = new Browser(port);
        SignInSteps.password(signIn, "acme", user.email(), TestUsers.PASSWORD);
        Page passed = SignInSteps.code(signIn, "acme", "email", TestMailServer.awaitCode(user.email(), 2));
        assertThat(passed.location())
                .as("an abandoned sign-in did not use it up")
                .isEqualTo("/sites/acme/login/setup-removed");
        String notice = signIn.get("/sites/acme/login/setup-removed")
                .document()
                .selectFirst("#setup-removed-notice")
                .text();
        assertThat(notice)
                .isEqualTo("An administrator removed your authenticator app and backup codes on " + removedOn
                        + ": they no longer work. Set up two-factor authentication again on your Security page.");
        assertThat(twoFactorSetup.removedByAdmin(user.id())).isEmpty();

        clock.advance(Duration.ofSeconds(31));
        Browser later = new Browser(port);
        SignInSteps.password(later, "acme", user.email(), TestUsers.PASSWORD);
        assertThat(SignInSteps.code(later, "acme", "email", TestMailServer.awaitCode(user.email(), 3))
                        .location())
                .isEqualTo("/sites/acme/");
    }

    @Test
    void aSignInWithThePasswordAloneSaysItOnAPageOfItsOwnOnce() {
        UserView user = testUsers.portalUser("globex");
        testUsers.withAuthenticator(realm("globex"), user);
        deleteAsAdmin(user);
        String removedOn = today(); // the day of the removal, even if the test runs past midnight

        Browser browser = new Browser(port);
        assertThat(browser.get("/sites/globex/?view=contracts").location()).isEqualTo("/sites/globex/login");
        Page afterPassword = SignInSteps.password(browser, "globex", user.email(), TestUsers.PASSWORD);
        assertThat(afterPassword.location()).isEqualTo("/sites/globex/login/setup-removed");
        Page notice = browser.get("/sites/globex/login/setup-removed");
        assertThat(notice.status()).isEqualTo(200);
        assertThat(notice.document().selectFirst("#setup-removed-notice").text())
                .startsWith("An administrator removed your authenticator app and backup codes on " + removedOn);
        assertThat(notice.document().selectFirst("#setup-removed-security").attr("href"))
                .isEqualTo("/sites/globex/account/security");
        assertThat(notice.document().selectFirst("#setup-removed-continue").attr("href"))
                .as("on to the page first asked for")
                .isEqualTo("/sites/globex/?view=contracts");
        assertThat(browser.get("/sites/globex/").status()).as("signed in").isEqualTo(200);

        assertThat(browser.get("/sites/globex/login/setup-removed").location())
                .as("shown once")
                .isEqualTo("/sites/globex/");
        Browser again = new Browser(port);
        assertThat(SignInSteps.password(again, "globex", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/globex/");
    }

    @Test
    void theNoticePageWithoutASignInBehindItLeadsHome() {
        Browser stranger = new Browser(port);
        assertThat(stranger.get("/sites/globex/login/setup-removed").location()).isEqualTo("/sites/globex/");
        assertThat(stranger.get("/admin/login/setup-removed").location()).isEqualTo("/admin/");
        assertThat(stranger.get("/sites/nowhere/login/setup-removed").status()).isEqualTo(404);
    }

    @Test
    void ofSimultaneousSignInsWithThePasswordAloneExactlyOneSaysIt() throws Exception {
        UserView user = testUsers.portalUser("globex");
        testUsers.withAuthenticator(realm("globex"), user);
        deleteAsAdmin(user);
        int n = 3;
        List<Browser> browsers = new ArrayList<>();
        List<Page> logins = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            browsers.add(new Browser(port));
            logins.add(browsers.get(i).get("/sites/globex/login"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Page>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Browser browser = browsers.get(i);
            Page login = logins.get(i);
            answers.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            start.await();
                        } catch (InterruptedException ex) {
                            Thread.currentThread().interrupt();
                        }
                        return browser.submit(
                                login, "#login-form", Map.of("username", user.email(), "password", TestUsers.PASSWORD));
                    },
                    pool));
        }
        start.countDown();
        List<String> targets = new ArrayList<>();
        for (CompletableFuture<Page> answer : answers) {
            targets.add(answer.get().location());
        }
        pool.shutdown();
        assertThat(targets).containsOnly("/sites/globex/", "/sites/globex/login/setup-removed");
        assertThat(targets.stream().filter(t -> t.endsWith("setup-removed")).count())
                .isEqualTo(1);
    }

    @Test
    void theForcedSetUpOfARequiredUserSaysItTooAndSettingUpAgainClearsIt() {
        UserView user = testUsers.portalUser("acme", true);
        testUsers.withAuthenticator(realm("acme"), user);
        deleteAsAdmin(user);

        Browser browser = new Browser(port);
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        assertThat(browser.get("/sites/acme/login/email").document().select("#setup-removed-notice"))
                .isEmpty();
        Page afterCode = SignInSteps.code(browser, "acme", "email", TestMailServer.awaitCode(user.email(), 1));
        assertThat(afterCode.location()).isEqualTo("/sites/acme/login/setup");
        Page setup = browser.get("/sites/acme/login/setup");
        assertThat(setup.document().select("#setup-removed-notice")).hasSize(1);
        String secret = setup.document().selectFirst("#totp-secret").text().replace(" ", "");
        clock.advance(Duration.ofSeconds(30));
        Page done = browser.submit(
                setup, "#totp-confirm-form", Map.of("code", IndependentTotp.code(secret, clock.instant())));
        assertThat(done.location()).isEqualTo("/sites/acme/");
        assertThat(twoFactorSetup.removedByAdmin(user.id())).isEmpty();
    }

    /** Admin → Users → Delete 2FA setup, as an admin does it. */
    private void deleteAsAdmin(UserView user) {
        Browser admin = SignInSteps.admin(port, testUsers.admin().email(), TestUsers.PASSWORD, 1);
        Page confirm = admin.get("/admin/users/" + user.id() + "/delete-2fa");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(admin.submit(confirm, "#delete-2fa-form", Map.of()).location())
                .isEqualTo("/admin/users");
        assertThat(twoFactorSetup.removedByAdmin(user.id())).isPresent();
    }

    private Realm realm(String slug) {
        return sites.findBySlug(slug).orElseThrow().realm();
    }

    private String today() {
        return today(Locale.ENGLISH);
    }

    private String today(Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .format(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
}
