package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.SameSession;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * F-POLICY-4, F-TOTP-4: the forced authenticator set-up has a way out (signing out ends the half-finished login), and
 * the authenticator pages carry standing help ("Trouble with codes?").
 */
@IntegrationTest
class ForcedSetupWayOutIntegrationTests {

    private static final String SETUP = "/sites/globex/login/setup";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Sites sites;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theForcedSetUpOffersSignOutWhichEndsTheHalfFinishedLogin() {
        Browser browser = new Browser(port);
        Page setup = forcedSetUp(browser);
        Document page = setup.document();
        assertThat(page.select("img#totp-qr, #totp-secret, #totp-confirm-form")).hasSize(3);
        assertThat(page.select("#logout-form"))
                .as("the header's id stays the header's")
                .isEmpty();
        assertThat(page.selectFirst("#setup-sign-out-form").attr("action")).isEqualTo("/sites/globex/logout");
        assertThat(page.selectFirst("#setup-sign-out-form").attr("method")).isEqualTo("post");
        String pending = browser.sessionId().orElseThrow();

        Page out = browser.submit(setup, "#setup-sign-out-form", Map.of());
        assertThat(out.location()).isEqualTo("/sites/globex/login?signedOut");
        assertThat(browser.get(SETUP).location()).isEqualTo("/sites/globex/login?expired");
        assertThat(browser.get("/sites/globex/").location()).isEqualTo("/sites/globex/login");
        assertThat(SameSession.get(port, pending, SETUP).location())
                .as("the session of the half-finished login is gone")
                .isEqualTo("/sites/globex/login?expired");

        Page replayed = browser.submit(setup, "#setup-sign-out-form", Map.of());
        assertThat(replayed.status()).as("a stale sign-out is no error page").isLessThan(500);
    }

    @Test
    void twoSimultaneousSignOutsOfOneSetUpBothEndIt() {
        Browser browser = new Browser(port);
        Page setup = forcedSetUp(browser);
        String pending = browser.sessionId().orElseThrow();
        var form = SameSession.form(setup, "#setup-sign-out-form", Map.of());
        List<SameSession.Answer> answers = SameSession.post(pending, form.getKey(), form.getValue(), port, port);
        assertThat(answers).allMatch(a -> a.status() < 500);
        assertThat(answers).anyMatch(a -> "/sites/globex/login?signedOut".equals(a.location()));
        assertThat(SameSession.get(port, pending, SETUP).location()).isEqualTo("/sites/globex/login?expired");
    }

    @Test
    void theForcedSetUpAndTheAuthenticatorCodePageCarryTheHelpTheEmailCodePageDoesNot() {
        Browser browser = new Browser(port);
        assertHelp(forcedSetUp(browser).document(), "Globex Field Service");

        UserView withApp = testUsers.portalUser("acme");
        testUsers.withAuthenticator(sites.findBySlug("acme").orElseThrow().realm(), withApp);
        Browser other = new Browser(port);
        assertThat(SignInSteps.password(other, "acme", withApp.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/totp");
        assertHelp(other.get("/sites/acme/login/totp").document(), "Acme Leasing");
        Page email = other.submit(
                other.get("/sites/acme/login/totp"), "form:has([data-factor=email])", Map.of("factor", "email"));
        assertThat(other.get(email.location()).document().select("#totp-help")).isEmpty();
    }

    @Test
    void enrolmentFromTheSecurityPageCarriesTheHelpButNoSignOutOfItsOwn() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        SignInSteps.signInWithEmail(browser, "acme", user.email(), TestUsers.PASSWORD, 1);
        Page enrol = browser.open(
                browser.submit(browser.get("/sites/acme/account/security"), "form:has(#totp-enable)", Map.of())
                        .location());
        assertHelp(enrol.document(), "Acme Leasing");
        assertThat(enrol.document().select("#setup-sign-out-form")).isEmpty();
    }

    private static void assertHelp(Document page, String site) {
        var help = page.selectFirst("details#totp-help");
        assertThat(help).as("standing help").isNotNull();
        assertThat(help.selectFirst("summary").text()).isEqualTo("Trouble with codes?");
        assertThat(help.text())
                .contains("set its date and time automatically")
                .contains("wait for the next code")
                .contains("new phone")
                .contains("backup code")
                .contains("Ask the administrator of " + site);
    }

    /** A 2FA-required user of Globex without an authenticator, past the email code, on the forced set-up page. */
    private Page forcedSetUp(Browser browser) {
        UserView user = testUsers.portalUser("globex", true);
        SignInSteps.password(browser, "globex", user.email(), TestUsers.PASSWORD);
        Page afterCode = SignInSteps.code(browser, "globex", "email", TestMailServer.awaitCode(user.email(), 1));
        assertThat(afterCode.location()).isEqualTo(SETUP);
        Page setup = browser.get(SETUP);
        assertThat(setup.status()).isEqualTo(200);
        return setup;
    }
}
