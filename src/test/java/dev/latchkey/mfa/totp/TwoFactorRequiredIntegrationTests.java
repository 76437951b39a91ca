package dev.latchkey.mfa.totp;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** F-POLICY-4: "2FA required" forces set-up inside the sign-in and makes disable and delete impossible. */
@IntegrationTest
class TwoFactorRequiredIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Autowired
    Authenticators authenticators;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRequiredUserWithoutAnAuthenticatorSetsOneUpBeforeAnyPortalPage() throws Exception {
        UserView user = testUsers.portalUser("globex", true);
        Browser browser = new Browser(port);
        assertThat(SignInSteps.password(browser, "globex", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/globex/login/email");
        assertThat(browser.get("/sites/globex/login/setup").location())
                .as("no set-up before the factor the user already has")
                .isEqualTo("/sites/globex/login?expired");

        Page afterCode = SignInSteps.code(browser, "globex", "email", TestMailServer.awaitCode(user.email(), 1));
        assertThat(afterCode.location()).isEqualTo("/sites/globex/login/setup");
        assertThat(browser.get("/sites/globex/").location())
                .as("no portal page before set-up")
                .isEqualTo("/sites/globex/login");

        Page setup = browser.get("/sites/globex/login/setup");
        assertThat(setup.document().select("img#totp-qr")).hasSize(1);
        String secret = setup.document().selectFirst("#totp-secret").text().replace(" ", "");
        assertThat(AuthenticatorIntegrationTests.decodeQr(setup)).contains("secret=" + secret);

        Page wrong = browser.submit(setup, "#totp-confirm-form", Map.of("code", "000000"));
        assertThat(wrong.status()).isEqualTo(401);
        Page done = browser.submit(
                setup, "#totp-confirm-form", Map.of("code", IndependentTotp.code(secret, clock.instant())));
        assertThat(done.location()).isEqualTo("/sites/globex/");
        assertThat(authenticators.status(user.id())).isEqualTo(AuthenticatorStatus.ENABLED);

        clock.advance(Duration.ofSeconds(30));
        Browser next = new Browser(port);
        assertThat(SignInSteps.password(next, "globex", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/globex/login/totp");
    }

    @Test
    void aRequiredUserCannotDisableOrDeleteEvenByCraftingTheRequest() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        SignInSteps.signInWithEmail(browser, "acme", user.email(), TestUsers.PASSWORD, 1);
        Page enrol = browser.open(
                browser.submit(browser.get("/sites/acme/account/security"), "form:has(#totp-enable)", Map.of())
                        .location());
        String secret = enrol.document().selectFirst("#totp-secret").text().replace(" ", "");
        browser.submit(enrol, "#totp-confirm-form", Map.of("code", IndependentTotp.code(secret, clock.instant())));
        users.setMfaRequired(user.id(), true, "admin@test");

        Page security = browser.get("/sites/acme/account/security");
        assertThat(security.document().select("#totp-disable, #totp-delete")).isEmpty();
        String csrf = security.document().selectFirst("input[name=_csrf]").attr("value");

        clock.advance(Duration.ofSeconds(30));
        Page disable = browser.post(
                "/sites/acme/account/security/totp/disable",
                Map.of("_csrf", csrf, "code", IndependentTotp.code(secret, clock.instant())));
        assertThat(disable.status()).isEqualTo(403);
        Page delete = browser.post(
                "/sites/acme/account/security/totp/delete", Map.of("_csrf", csrf, "credential", TestUsers.PASSWORD));
        assertThat(delete.status()).isEqualTo(403);
        assertThat(delete.alerts()).contains("requires two-factor authentication");
        assertThat(authenticators.status(user.id())).isEqualTo(AuthenticatorStatus.ENABLED);
    }
}
