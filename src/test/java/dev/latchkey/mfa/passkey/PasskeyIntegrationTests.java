package dev.latchkey.mfa.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.mfa.TwoFactorSetup;
import dev.latchkey.sites.MfaPolicy;
import dev.latchkey.sites.PhishingResistance;
import dev.latchkey.sites.SiteView;
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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** F-PASSKEY-1: register passkeys, sign in with one after the password or without it, remove one, Delete 2FA setup. */
@IntegrationTest
class PasskeyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Passkeys passkeys;

    @Autowired
    TwoFactorSetup setup;

    @Autowired
    MfaPolicy policy;

    @Autowired
    Sites sites;

    @Autowired
    MutableClock clock;

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
        SiteView acme = sites.findBySlug("acme").orElseThrow();
        policy.updateSignInExtras(acme.id(), acme.rememberDays(), PhishingResistance.OFF, "test");
    }

    @Test
    void aRegisteredPasskeyIsListedMailedAndOfferedFirstAfterThePassword() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        SignInSteps.signInWithEmail(browser, "acme", user.email(), TestUsers.PASSWORD, 1);
        SoftwareAuthenticator key = new SoftwareAuthenticator("http://localhost:" + port);

        String next = PasskeySteps.redirect(PasskeySteps.register(browser, "acme", key, "Work laptop"));
        assertThat(next).startsWith("/sites/acme/account/security?passkeyAdded");
        Page security = browser.get("/sites/acme/account/security");
        assertThat(security.document().select("[data-passkey]").text()).contains("Work laptop");
        assertThat(security.document().select("[data-passkey] .passkey-remove")).hasSize(1);
        assertThat(TestMailServer.awaitMessage(user.email(), "passkey was added"))
                .contains("passkey");
        assertThat(setup.activated(user.id())).isTrue();

        Browser later = new Browser(port);
        Page password = SignInSteps.password(later, "acme", user.email(), TestUsers.PASSWORD);
        assertThat(password.location()).isEqualTo("/sites/acme/login/passkey");
        assertThat(later.get("/sites/acme/login/passkey").document().select("[data-factor=passkey]"))
                .isNotEmpty();
        assertThat(PasskeySteps.redirect(PasskeySteps.secondStep(later, "acme", key)))
                .isEqualTo("/sites/acme/");
        assertThat(later.get("/sites/acme/").status()).isEqualTo(200);
        assertThat(passkeys.list(user.id()).get(0).lastUsedAt()).isNotNull();
    }

    @Test
    void passwordlessSignInCountsAsBothFactors() {
        UserView user = testUsers.portalUser("acme");
        SoftwareAuthenticator key = registered(user);

        Browser browser = new Browser(port);
        assertThat(browser.get("/sites/acme/login").document().select("#passkey-signin"))
                .hasSize(1);
        assertThat(PasskeySteps.redirect(PasskeySteps.passwordless(browser, "acme", key)))
                .isEqualTo("/sites/acme/");
        Page home = browser.get("/sites/acme/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(browser.get("/sites/acme/account/security").document().select("#step-up-note"))
                .as("a passkey sign-in is a fresh second factor")
                .isEmpty();
    }

    @Test
    void removingAPasskeyNeedsAStepUpAndIsMailed() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        SignInSteps.signInWithEmail(browser, "acme", user.email(), TestUsers.PASSWORD, 1);
        SoftwareAuthenticator key = new SoftwareAuthenticator("http://localhost:" + port);
        PasskeySteps.redirect(PasskeySteps.register(browser, "acme", key, "Phone"));
        clock.advance(Duration.ofMinutes(11));

        Page asked = browser.submit(browser.get("/sites/acme/account/security"), "form:has(.passkey-remove)", Map.of());
        assertThat(asked.location()).isEqualTo("/sites/acme/login/passkey");
        assertThat(passkeys.count(user.id())).isEqualTo(1);
        assertThat(PasskeySteps.redirect(PasskeySteps.secondStep(browser, "acme", key)))
                .isEqualTo("/sites/acme/account/security?verified");

        Page removed =
                browser.submit(browser.get("/sites/acme/account/security"), "form:has(.passkey-remove)", Map.of());
        assertThat(removed.location()).startsWith("/sites/acme/account/security");
        assertThat(passkeys.count(user.id())).isZero();
        assertThat(TestMailServer.awaitMessage(user.email(), "passkey was removed"))
                .contains("passkey");
    }

    @Test
    void thePasskeyStepOffersToRememberTheBrowserWhichThenSkipsIt() {
        UserView user = testUsers.portalUser("acme");
        SoftwareAuthenticator key = registered(user);
        Browser browser = new Browser(port);
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        Page page = browser.get("/sites/acme/login/passkey");
        assertThat(page.document().select("#passkey-form #remember-browser")).hasSize(1);
        String options = PasskeySteps.options(browser, page, "#passkey-form");
        org.jsoup.nodes.Element form = page.document().selectFirst("#passkey-form");
        Page answer = browser.postRaw(
                form.attr("action") + "?remember=true&_csrf="
                        + form.selectFirst("input[name=_csrf]").attr("value"),
                "application/json",
                key.sign(options).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(PasskeySteps.redirect(answer)).isEqualTo("/sites/acme/");
        assertThat(browser.cookie("LATCHKEY_BROWSER", "/sites/acme/"))
                .as("the remember cookie")
                .isPresent();

        browser.submit(browser.get("/sites/acme/"), "#logout-form", Map.of());
        assertThat(SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD)
                        .location())
                .as("the second step skipped")
                .isEqualTo("/sites/acme/");
    }

    @Test
    void addingAPasskeyNeedsARecentSecondFactor() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        SignInSteps.signInWithEmail(browser, "acme", user.email(), TestUsers.PASSWORD, 1);
        clock.advance(Duration.ofMinutes(11));

        String options =
                PasskeySteps.options(browser, browser.get("/sites/acme/account/security"), "#passkey-register-form");
        assertThat(tools.jackson.databind.json.JsonMapper.builder()
                        .build()
                        .readTree(options)
                        .get("redirect")
                        .asString())
                .as("no options: the page is led to the step-up first")
                .startsWith("/sites/acme/login/");

        // a hand-made registration without the step-up changes nothing
        Page refused = PasskeySteps.answer(
                browser, browser.get("/sites/acme/account/security"), "#passkey-register-form", "{\"name\":\"x\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Confirm it is you again");
        assertThat(passkeys.count(user.id())).isZero();
    }

    @Test
    void aPasskeyCountsAsActivated2faAndIsNamedOnTheUsersList() {
        UserView user = testUsers.portalUser("acme");
        registered(user);
        Browser admin = SignInSteps.admin(port, testUsers.admin().email(), TestUsers.PASSWORD, 1);
        Page list = admin.get("/admin/users?q=" + user.email() + "&strongest=passkey");
        org.jsoup.nodes.Element row = list.document().selectFirst("tr[data-username=" + user.email() + "]");
        assertThat(row).as("filtered by its strongest factor").isNotNull();
        assertThat(row.attr("data-2fa-status")).isEqualTo("activated");
        assertThat(row.attr("data-strongest")).isEqualTo("passkey");
        assertThat(row.select(".own-factors").text()).contains("Passkey");
        assertThat(admin.get("/admin/users?q=" + user.email() + "&mfa=not-activated")
                        .document()
                        .select("tr[data-username]"))
                .isEmpty();
        assertThat(admin.get("/admin/users?q=" + user.email() + "&strongest=totp")
                        .document()
                        .select("tr[data-username]"))
                .isEmpty();
    }

    @Test
    void deleteTwoFactorSetupRemovesThePasskeys() {
        UserView user = testUsers.portalUser("acme");
        registered(user);
        assertThat(passkeys.count(user.id())).isEqualTo(1);
        setup.delete(sites.findBySlug("acme").orElseThrow().realm(), user.id(), "admin@latchkey.test");
        assertThat(passkeys.count(user.id())).isZero();
        assertThat(setup.activated(user.id())).isFalse();
    }

    @Test
    void aSiteThatRequiresPhishingResistanceMakesAUserWithoutAPasskeyRegisterOneAtSignIn() {
        UserView user = testUsers.portalUser("acme");
        SiteView acme = sites.findBySlug("acme").orElseThrow();
        policy.updateSignInExtras(acme.id(), acme.rememberDays(), PhishingResistance.ALL, "test");

        Browser browser = new Browser(port);
        assertThat(SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD)
                        .location())
                .as("the factor they have comes first")
                .isEqualTo("/sites/acme/login/email");
        Page afterCode = SignInSteps.code(browser, "acme", "email", TestMailServer.awaitCode(user.email(), 1));
        assertThat(afterCode.location()).isEqualTo("/sites/acme/login/setup");
        Page setupPage = browser.get("/sites/acme/login/setup");
        assertThat(setupPage.document().select("#passkey-setup-form")).hasSize(1);
        assertThat(setupPage.document().select("#totp-confirm-form")).isEmpty();
        String csrf = setupPage.document().selectFirst("input[name=_csrf]").attr("value");
        Page totp = browser.post("/sites/acme/login/setup", Map.of("code", "123456", "_csrf", csrf));
        assertThat(totp.location())
                .as("an authenticator app is no way around it: %s %s", totp.status(), totp.alerts())
                .isEqualTo("/sites/acme/login?expired");

        SoftwareAuthenticator key = new SoftwareAuthenticator("http://localhost:" + port);
        setupPage = browser.get("/sites/acme/login/setup");
        String options = PasskeySteps.options(browser, setupPage, "#passkey-setup-form");
        Page done = PasskeySteps.answer(browser, setupPage, "#passkey-setup-form", key.register(options, "Laptop"));
        assertThat(PasskeySteps.redirect(done)).isEqualTo("/sites/acme/");
        assertThat(passkeys.count(user.id())).isEqualTo(1);

        Browser next = new Browser(port);
        assertThat(SignInSteps.password(next, "acme", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/passkey");
        assertThat(next.get("/sites/acme/login/passkey").document().select("[data-factor=email]"))
                .as("only a passkey passes")
                .isEmpty();
        assertThat(next.get("/sites/acme/login/email").status()).isEqualTo(404);
    }

    @Test
    void whereASiteRequiresPasskeysAStepUpTakesOnlyThePasskeyAndTheLastOneCannotBeRemoved() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        SignInSteps.signInWithEmail(browser, "acme", user.email(), TestUsers.PASSWORD, 1);
        SoftwareAuthenticator key = new SoftwareAuthenticator("http://localhost:" + port);
        PasskeySteps.redirect(PasskeySteps.register(browser, "acme", key, "Phone"));
        SiteView acme = sites.findBySlug("acme").orElseThrow();
        policy.updateSignInExtras(acme.id(), acme.rememberDays(), PhishingResistance.ALL, "test");
        clock.advance(Duration.ofMinutes(11));

        Page asked = browser.submit(browser.get("/sites/acme/account/security"), "form:has(.passkey-remove)", Map.of());
        assertThat(asked.location()).isEqualTo("/sites/acme/login/passkey");
        assertThat(browser.get("/sites/acme/login/passkey").document().select("[data-factor=email]"))
                .as("a phishable code is no step-up where the site requires a passkey")
                .isEmpty();
        assertThat(browser.get("/sites/acme/login/email").status()).isEqualTo(404);
        assertThat(PasskeySteps.redirect(PasskeySteps.secondStep(browser, "acme", key)))
                .isEqualTo("/sites/acme/account/security?verified");

        Page refused =
                browser.submit(browser.get("/sites/acme/account/security"), "form:has(.passkey-remove)", Map.of());
        assertThat(refused.location()).startsWith("/sites/acme/account/security");
        assertThat(passkeys.count(user.id())).as("the last passkey stays").isEqualTo(1);
        assertThat(browser.get(refused.location())
                        .document()
                        .select("[role=status]")
                        .text())
                .contains("last passkey");

        // with a second passkey, one of them can go
        SoftwareAuthenticator spare = new SoftwareAuthenticator("http://localhost:" + port);
        PasskeySteps.redirect(PasskeySteps.register(browser, "acme", spare, "Spare"));
        Page removed =
                browser.submit(browser.get("/sites/acme/account/security"), "form:has(.passkey-remove)", Map.of());
        assertThat(browser.get(removed.location())
                        .document()
                        .select("[role=status]")
                        .text())
                .contains("no longer signs you in");
        assertThat(passkeys.count(user.id())).isEqualTo(1);
    }

    @Test
    void aSignInInProgressWhenTheSiteBeginsToRequirePasskeysGoesOnOnlyWithAPasskey() {
        SiteView acme = sites.findBySlug("acme").orElseThrow();
        UserView without = testUsers.portalUser("acme");
        Browser first = new Browser(port);
        assertThat(SignInSteps.password(first, "acme", without.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/email");
        String code = TestMailServer.awaitCode(without.email(), 1);
        Page codePage = first.get("/sites/acme/login/email");

        UserView with = testUsers.portalUser("acme");
        SoftwareAuthenticator key = registered(with);
        Browser second = new Browser(port);
        assertThat(SignInSteps.password(second, "acme", with.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/passkey");
        assertThat(second.get("/sites/acme/login/passkey").document().select("[data-factor=email]"))
                .as("the email code is offered before the switch")
                .isNotEmpty();

        policy.updateSignInExtras(acme.id(), acme.rememberDays(), PhishingResistance.ALL, "test");

        Page afterCode = first.submit(codePage, "#code-form", Map.of("code", code));
        assertThat(afterCode.location()).isEqualTo("/sites/acme/login/unavailable");
        assertThat(first.get("/sites/acme/").status()).as("not signed in").isNotEqualTo(200);
        assertThat(first.get("/sites/acme/login/unavailable").alerts()).contains("requires a passkey");
        assertThat(first.get("/sites/acme/login/setup").location()).doesNotEndWith("/login/setup");

        assertThat(second.get("/sites/acme/login/passkey").document().select("[data-factor=email]"))
                .as("only the passkey now")
                .isEmpty();
        assertThat(second.get("/sites/acme/login/email").status()).isNotEqualTo(200);
        assertThat(PasskeySteps.redirect(PasskeySteps.secondStep(second, "acme", key)))
                .isEqualTo("/sites/acme/");
    }

    @Test
    void aForcedAuthenticatorSetUpIsNoWayAroundAPasskeyTheSiteBeganToRequire() {
        SiteView acme = sites.findBySlug("acme").orElseThrow();
        UserView user = testUsers.portalUser("acme", true);
        Browser browser = new Browser(port);
        assertThat(SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/email");
        assertThat(SignInSteps.code(browser, "acme", "email", TestMailServer.awaitCode(user.email(), 1))
                        .location())
                .isEqualTo("/sites/acme/login/setup");
        Page setup = browser.get("/sites/acme/login/setup");
        String secret = setup.document().selectFirst("#totp-secret").text().replace(" ", "");

        policy.updateSignInExtras(acme.id(), acme.rememberDays(), PhishingResistance.FLAGGED, "test");

        Page confirmed = browser.submit(
                setup, "#totp-confirm-form", Map.of("code", IndependentTotp.code(secret, clock.instant())));
        assertThat(confirmed.location()).isEqualTo("/sites/acme/login?expired");
        assertThat(browser.get("/sites/acme/").status()).as("not signed in").isNotEqualTo(200);
        assertThat(browser.get("/sites/acme/login/setup").location()).isEqualTo("/sites/acme/login/unavailable");
    }

    /** A user of acme with one passkey, registered by a signed-in browser; the key is answered. */
    private SoftwareAuthenticator registered(UserView user) {
        Browser browser = new Browser(port);
        SignInSteps.signInWithEmail(browser, "acme", user.email(), TestUsers.PASSWORD, 1);
        SoftwareAuthenticator key = new SoftwareAuthenticator("http://localhost:" + port);
        PasskeySteps.redirect(PasskeySteps.register(browser, "acme", key, "Key"));
        return key;
    }
}
