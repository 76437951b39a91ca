package dev.latchkey.mfa.totp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
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
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriComponentsBuilder;

/** F-TOTP-1..4 through HTTP: enrol by QR code, sign in, disable, re-enable, delete. */
@IntegrationTest
class AuthenticatorIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Authenticators authenticators;

    @Autowired
    Sites sites;

    @Autowired
    dev.latchkey.users.Users users;

    Browser browser;
    UserView user;

    @BeforeEach
    void signIn() {
        browser = new Browser(port);
        user = testUsers.portalUser("acme");
        SignInSteps.signInWithEmail(browser, "acme", user.email(), TestUsers.PASSWORD, 1);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void enrolByScanningTheQrCodeThenSignInWithTheApp() throws Exception {
        Page security = browser.get("/sites/acme/account/security");
        assertThat(security.document().selectFirst("#totp-status").text()).isEqualTo("Not set up");

        Page enrol = browser.open(
                browser.submit(security, "form:has(#totp-enable)", Map.of()).location());
        assertThat(enrol.header("Cache-Control").orElse("")).contains("no-store");
        String uri = decodeQr(enrol);
        var parsed = UriComponentsBuilder.fromUriString(uri).build();
        assertThat(parsed.getScheme()).isEqualTo("otpauth");
        assertThat(parsed.getHost()).isEqualTo("totp");
        assertThat(URI.create(uri).getPath()).isEqualTo("/Acme Leasing:" + user.email());
        assertThat(parsed.getQueryParams().getFirst("issuer")).isEqualTo("Acme%20Leasing");
        assertThat(parsed.getQueryParams().getFirst("algorithm")).isEqualTo("SHA1");
        assertThat(parsed.getQueryParams().getFirst("digits")).isEqualTo("6");
        assertThat(parsed.getQueryParams().getFirst("period")).isEqualTo("30");
        String secret = parsed.getQueryParams().getFirst("secret");
        assertThat(enrol.document().selectFirst("#totp-secret").text().replace(" ", ""))
                .isEqualTo(secret);
        assertThat(secret).hasSize(32);

        Page confirmed = browser.submit(
                enrol, "#totp-confirm-form", Map.of("code", IndependentTotp.code(secret, clock.instant())));
        assertThat(confirmed.location()).isEqualTo("/sites/acme/account/security");
        assertThat(browser.get("/sites/acme/account/security")
                        .document()
                        .selectFirst("#totp-status")
                        .text())
                .isEqualTo("Enabled");
        TestMailServer.awaitMessage(user.email(), "Authenticator app turned on");

        Browser next = new Browser(port);
        clock.advance(Duration.ofSeconds(30));
        Page afterPassword = SignInSteps.password(next, "acme", user.email(), TestUsers.PASSWORD);
        assertThat(afterPassword.location()).isEqualTo("/sites/acme/login/totp");
        Page totpPage = next.get("/sites/acme/login/totp");
        assertThat(totpPage.document().select("[data-factor=email]")).hasSize(1);
        assertThat(totpPage.document().select("#resend-code")).isEmpty();
        String code = IndependentTotp.code(secret, clock.instant());
        assertThat(next.submit(totpPage, "#code-form", Map.of("code", code)).location())
                .isEqualTo("/sites/acme/");

        Browser replay = new Browser(port);
        SignInSteps.password(replay, "acme", user.email(), TestUsers.PASSWORD);
        Page refused = SignInSteps.code(replay, "acme", "totp", code);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.alerts())
                .contains("sets its date and time automatically")
                .contains("backup code");
    }

    @Test
    void theSecretColumnIsEncryptedNotBase32() throws Exception {
        String secret = enable();
        String stored = jdbc.sql("select secret from authenticator where user_id = ?")
                .param(user.id())
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(secret).startsWith("test:");
    }

    @Test
    void disableKeepsTheSecretAndReenableNeedsACodeFromTheSameApp() throws Exception {
        String secret = enable();
        String stored = storedSecret();
        Page security = browser.get("/sites/acme/account/security");

        Page refused = browser.submit(security, "form:has(#totp-disable)", Map.of("code", "000000"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(authenticators.status(user.id())).isEqualTo(AuthenticatorStatus.ENABLED);
        assertThat(users.find(user.id()).orElseThrow().secondFactorFailures())
                .as("a wrong code on the Security page counts like one at sign-in")
                .isEqualTo(1);

        clock.advance(Duration.ofSeconds(30));
        Page disabled = browser.submit(
                security, "form:has(#totp-disable)", Map.of("code", IndependentTotp.code(secret, clock.instant())));
        assertThat(disabled.location()).isEqualTo("/sites/acme/account/security");
        Page page = browser.get("/sites/acme/account/security");
        assertThat(page.document().selectFirst("#totp-status").text()).isEqualTo("Disabled");
        assertThat(storedSecret()).isEqualTo(stored);
        TestMailServer.awaitMessage(user.email(), "turned off");

        clock.advance(Duration.ofSeconds(30));
        Page reenabled = browser.submit(
                page, "form:has(#totp-reenable)", Map.of("code", IndependentTotp.code(secret, clock.instant())));
        assertThat(reenabled.location()).isEqualTo("/sites/acme/account/security");
        assertThat(authenticators.status(user.id())).isEqualTo(AuthenticatorStatus.ENABLED);
        assertThat(storedSecret()).isEqualTo(stored);
    }

    @Test
    void deleteThenEnableGivesANewSecret() throws Exception {
        String first = enable();
        Page security = browser.get("/sites/acme/account/security");
        Page wrong = browser.submit(security, "form:has(#totp-delete)", Map.of("credential", "not my password"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(authenticators.status(user.id())).isEqualTo(AuthenticatorStatus.ENABLED);

        Page deleted = browser.submit(security, "form:has(#totp-delete)", Map.of("credential", TestUsers.PASSWORD));
        assertThat(deleted.location()).isEqualTo("/sites/acme/account/security");
        assertThat(authenticators.status(user.id())).isEqualTo(AuthenticatorStatus.NOT_SET_UP);
        TestMailServer.awaitMessage(user.email(), "removed");

        String second = enable();
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void driftOfOneStepIsAcceptedTwoIsRefusedAndEarlierStepsNeverReturn() throws Exception {
        String secret = enable();
        clock.advance(Duration.ofMinutes(5));
        long now = Math.floorDiv(clock.instant().getEpochSecond(), 30);
        assertThat(authenticators.verify(user.id(), IndependentTotp.codeAtStep(secret, now - 2)))
                .isFalse();
        assertThat(authenticators.verify(user.id(), IndependentTotp.codeAtStep(secret, now + 2)))
                .isFalse();
        assertThat(authenticators.verify(user.id(), IndependentTotp.codeAtStep(secret, now - 1)))
                .isTrue();
        assertThat(authenticators.verify(user.id(), IndependentTotp.codeAtStep(secret, now + 1)))
                .isTrue();
        assertThat(authenticators.verify(user.id(), IndependentTotp.codeAtStep(secret, now)))
                .as("before last")
                .isFalse();
        assertThat(authenticators.verify(user.id(), IndependentTotp.codeAtStep(secret, now + 1)))
                .as("replay")
                .isFalse();
    }

    @Test
    void adminsProtectTheirOwnLoginTheSameWay() {
        Browser admin = new Browser(port);
        UserView staff = testUsers.admin();
        Page login = admin.get("/admin/login");
        admin.submit(login, "#login-form", Map.of("username", staff.email(), "password", TestUsers.PASSWORD));
        admin.submit(
                admin.get("/admin/login/email"),
                "#code-form",
                Map.of("code", TestMailServer.awaitCode(staff.email(), 1)));
        Page security = admin.get("/admin/account/security");
        assertThat(security.status()).isEqualTo(200);
        assertThat(security.document().selectFirst("#totp-status").text()).isEqualTo("Not set up");
        Page enrol = admin.open(
                admin.submit(security, "form:has(#totp-enable)", Map.of()).location());
        assertThat(enrol.document().select("img#totp-qr")).hasSize(1);
        assertThat(authenticators.status(user.id())).isEqualTo(AuthenticatorStatus.NOT_SET_UP);
    }

    private String enable() throws Exception {
        Page security = browser.get("/sites/acme/account/security");
        Page enrol = browser.open(
                browser.submit(security, "form:has(#totp-enable)", Map.of()).location());
        String secret = enrol.document().selectFirst("#totp-secret").text().replace(" ", "");
        Page confirmed = browser.submit(
                enrol, "#totp-confirm-form", Map.of("code", IndependentTotp.code(secret, clock.instant())));
        assertThat(confirmed.location()).isEqualTo("/sites/acme/account/security");
        return secret;
    }

    private String storedSecret() {
        return jdbc.sql("select secret from authenticator where user_id = ?")
                .param(user.id())
                .query(String.class)
                .single();
    }

    static String decodeQr(Page page) throws Exception {
        String src = page.document().selectFirst("img#totp-qr").attr("src");
        assertThat(src).startsWith("data:image/png;base64,");
        BufferedImage image = ImageIO.read(
                new ByteArrayInputStream(Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()))));
        return new MultiFormatReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                        Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE, DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText();
    }
}
