package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import dev.latchkey.test.IndependentTotp;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Authenticator apps and backup codes in a real Chromium: enrolment from the QR image, sign-in, forced set-up. */
class AuthenticatorBrowserTests extends BrowserTestSupport {

    @Test
    void anAuthenticatorEnrolledFromTheQrCodeSignsInAndComesFirstNextTime() {
        UserView user = testUsers.portalUser("acme");
        signInWithEmail(user, 1);
        SecurityPage security = SecurityPage.open(page, "acme");
        assertThat(security.totpStatus()).hasText("Not set up");
        PageAudit.check(page, "security-not-set-up");

        TotpEnrolPage enrol = security.enableAuthenticator();
        PageAudit.check(page, "totp-enrol");
        URI otpauth = enrol.scanQr();
        assertThat(otpauth.getScheme()).isEqualTo("otpauth");
        assertThat(otpauth.getHost()).isEqualTo("totp");
        Map<String, String> query = TotpEnrolPage.query(otpauth);
        assertThat(query).containsEntry("issuer", "Acme Leasing");
        String secret = query.get("secret");
        assertThat(enrol.manualKey().replace(" ", "")).isEqualTo(secret);
        assertThat(page.locator("#totp-open-app")).hasAttribute("href", otpauth.toString()); // for phone users
        enrol.confirm(IndependentTotp.code(secret, clock.instant()));

        security = new SecurityPage(page);
        assertThat(security.totpStatus()).hasText("Enabled");
        assertThat(security.totpStatus()).hasAttribute("data-status", "enabled");
        PageAudit.check(page, "security-enabled");
        new HomePage(page, "/sites/acme/account/security").signOut();

        LoginPage.open(page, "acme").signIn(user.email(), TestUsers.PASSWORD);
        CodePage code = new CodePage(page, "totp");
        assertThat(page.locator("main [data-factor=email]")).isVisible();
        PageAudit.check(page, "code-totp");
        clock.advance(Duration.ofSeconds(30)); // the enrolment used this time step: a step is never accepted twice
        code.enter(IndependentTotp.code(secret, clock.instant()));
        new HomePage(page, "/sites/acme/");
    }

    @Test
    void backupCodesAreShownOnceDownloadedAndAcceptedAtSignIn() throws IOException {
        UserView user = testUsers.portalUser("acme");
        signInWithEmail(user, 1);
        BackupCodesPage backup = SecurityPage.open(page, "acme").generateBackupCodes();
        List<String> codes = backup.codes();
        assertThat(codes).hasSize(5).doesNotHaveDuplicates();
        assertThat(page.locator("#backup-print")).isVisible();
        assertThat(page.locator("#backup-copy")).isVisible();
        PageAudit.check(page, "backup-codes");

        Download download = backup.download();
        assertThat(download.suggestedFilename()).isEqualTo("latchkey-backup-codes-acme.txt");
        String file = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(file).contains(codes);

        SecurityPage security = backup.done();
        assertThat(security.backupRemaining()).hasText("5");
        new HomePage(page, "/sites/acme/account/security").signOut();

        LoginPage.open(page, "acme").signIn(user.email(), TestUsers.PASSWORD);
        ChooseFactorPage choose = new ChooseFactorPage(page);
        assertThat(choose.factors()).containsExactly("email", "backup");
        PageAudit.check(page, "choose-factor");
        CodePage code = choose.choose("backup");
        assertThat(code.codeInput()).hasAttribute("inputmode", "text");
        PageAudit.check(page, "code-backup");
        code.enter(codes.get(2));
        new HomePage(page, "/sites/acme/");
        assertThat(SecurityPage.open(page, "acme").backupRemaining()).hasText("4");
        assertThat(TestMailServer.awaitMessage(user.email(), "backup code was used"))
                .contains("4");
    }

    @Test
    void twoFactorRequiredWithoutAnyFactorMeansSettingOneUpBeforeThePortal() {
        UserView user = testUsers.portalUser("globex", true);
        LoginPage.open(page, "globex").signIn(user.email(), TestUsers.PASSWORD);
        // the user's email is a factor: it is passed first, so a stolen password alone cannot enrol a phone
        new CodePage(page, "email").enter(TestMailServer.awaitCode(user.email(), 1));

        TotpEnrolPage enrol = new TotpEnrolPage(page);
        assertThat(page.locator("main [role=status]")).isVisible();
        PageAudit.check(page, "forced-setup");
        page.navigate("/sites/globex/");
        LoginPage again = new LoginPage(page); // the portal stays out of reach until an authenticator is set up
        clock.advance(Duration.ofSeconds(31)); // 30 s between two codes to one user
        again.signIn(user.email(), TestUsers.PASSWORD);
        new CodePage(page, "email").enter(TestMailServer.awaitCode(user.email(), 2));
        enrol = new TotpEnrolPage(page);
        String secret = TotpEnrolPage.query(enrol.scanQr()).get("secret");
        enrol.confirm(IndependentTotp.code(secret, clock.instant()));
        new HomePage(page, "/sites/globex/");
        assertThat(SecurityPage.open(page, "globex").totpStatus()).hasText("Enabled");
        assertThat(page.locator("#totp-disable")).hasCount(0);
    }

    private void signInWithEmail(UserView user, int nthCode) {
        LoginPage.open(page, "acme").signIn(user.email(), TestUsers.PASSWORD);
        new CodePage(page, "email").enter(TestMailServer.awaitCode(user.email(), nthCode));
        new HomePage(page, "/sites/acme/");
    }
}
