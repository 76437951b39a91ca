package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import dev.latchkey.sites.MfaPolicy;
import dev.latchkey.sites.PhishingResistance;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * F-PASSKEY-1 in a real Chromium with a virtual authenticator (the DevTools Protocol's WebAuthn domain): register a
 * passkey, sign in with the password and the passkey, sign in without the password, remove it after a step-up.
 */
class PasskeyBrowserTests extends BrowserTestSupport {

    @Autowired
    Sites sites;

    @Autowired
    MfaPolicy policy;

    @Test
    void aPasskeyIsRegisteredUsedAfterThePasswordUsedWithoutItAndRemoved() {
        virtualAuthenticator();
        UserView user = testUsers.portalUser("acme");
        LoginPage.open(page, "acme").signIn(user.email(), TestUsers.PASSWORD);
        new CodePage(page, "email").enter(TestMailServer.awaitCode(user.email(), 1));
        new HomePage(page, "/sites/acme/");

        page.navigate("/sites/acme/account/security");
        assertThat(page.locator("#passkeys-none")).isVisible();
        page.locator("#passkey-name").fill("Work laptop");
        page.locator("#passkey-register").click();
        assertThat(page).hasURL(Pattern.compile(".*/account/security\\?passkeyAdded.*"));
        assertThat(page.locator("[data-passkey]")).hasCount(1);
        assertThat(page.locator("[data-passkey] .passkey-name")).hasText("Work laptop");
        PageAudit.check(page, "security-passkeys");
        page.navigate("/sites/acme/account/security");
        new HomePage(page, "/sites/acme/account/security").signOut();

        LoginPage.open(page, "acme").signIn(user.email(), TestUsers.PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/sites/acme/login/passkey$"));
        assertThat(page.locator("main [data-factor=email]")).isVisible();
        PageAudit.check(page, "passkey-step");
        page.locator("#passkey-use").click();
        new HomePage(page, "/sites/acme/").signOut();

        LoginPage.open(page, "acme");
        PageAudit.check(page, "login-with-passkey");
        page.locator("#passkey-signin").click();
        new HomePage(page, "/sites/acme/");

        clock.advance(Duration.ofMinutes(11)); // the passkey sign-in is stale for a removal now: a step-up first
        page.navigate("/sites/acme/account/security");
        page.locator(".passkey-remove").click();
        assertThat(page).hasURL(Pattern.compile(".*/sites/acme/login/passkey$"));
        page.locator("#passkey-use").click();
        assertThat(page).hasURL(Pattern.compile(".*/account/security\\?verified$"));
        page.locator(".passkey-remove").click();
        assertThat(page.locator("[data-passkey]")).hasCount(0);
        assertThat(page.locator("[role=status]").first()).containsText("removed");
    }

    @Test
    void cancellingThePasskeyPromptIsExplainedInPlainWords() {
        virtualAuthenticator();
        UserView user = testUsers.portalUser("acme");
        LoginPage.open(page, "acme").signIn(user.email(), TestUsers.PASSWORD);
        new CodePage(page, "email").enter(TestMailServer.awaitCode(user.email(), 1));
        page.navigate("/sites/acme/account/security");
        page.locator("#passkey-name").fill("Phone");
        page.locator("#passkey-register").click();
        assertThat(page.locator("[data-passkey]")).hasCount(1);
        page.navigate("/sites/acme/account/security");
        new HomePage(page, "/sites/acme/account/security").signOut();

        LoginPage.open(page, "acme").signIn(user.email(), TestUsers.PASSWORD);
        // the person closes the browser's passkey prompt
        page.evaluate("() => { navigator.credentials.get = () => Promise.reject("
                + "new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError')); }");
        page.locator("#passkey-use").click();
        assertThat(page.locator("[data-passkey-error]")).isVisible();
        assertThat(page.locator("[data-passkey-error]")).containsText("cancelled");
        PageAudit.check(page, "passkey-step-cancelled");
    }

    @Test
    void aSiteThatRequiresPasskeysHasAUserWithoutOneCreateItAtSignIn() {
        SiteView acme = sites.findBySlug("acme").orElseThrow();
        policy.updateSignInExtras(acme.id(), acme.rememberDays(), PhishingResistance.ALL, "test");
        try {
            virtualAuthenticator();
            UserView user = testUsers.portalUser("acme");
            LoginPage.open(page, "acme").signIn(user.email(), TestUsers.PASSWORD);
            new CodePage(page, "email").enter(TestMailServer.awaitCode(user.email(), 1));
            assertThat(page).hasURL(Pattern.compile(".*/sites/acme/login/setup$"));
            PageAudit.check(page, "passkey-setup");
            page.locator("#passkey-register").click();
            new HomePage(page, "/sites/acme/");
        } finally {
            policy.updateSignInExtras(acme.id(), acme.rememberDays(), PhishingResistance.OFF, "test");
        }
    }

    /** A platform authenticator with resident keys and user verification, that says yes by itself. */
    private CDPSession virtualAuthenticator() {
        CDPSession cdp = page.context().newCDPSession(page);
        cdp.send("WebAuthn.enable");
        JsonObject options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        JsonObject args = new JsonObject();
        args.add("options", options);
        cdp.send("WebAuthn.addVirtualAuthenticator", args);
        return cdp;
    }
}
