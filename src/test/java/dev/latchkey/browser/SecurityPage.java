package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The user's Security page: authenticator status and actions, backup codes, sessions, contact details. */
final class SecurityPage {

    private final Page page;

    SecurityPage(Page page) {
        this.page = page;
        assertThat(page.locator("#totp-status")).isVisible();
    }

    static SecurityPage open(Page page, String slug) {
        page.navigate("/sites/" + slug + "/account/security");
        return new SecurityPage(page);
    }

    Locator totpStatus() {
        return page.locator("#totp-status");
    }

    Locator backupRemaining() {
        return page.locator("#backup-remaining");
    }

    TotpEnrolPage enableAuthenticator() {
        page.locator("#totp-enable").click();
        return new TotpEnrolPage(page);
    }

    void disableAuthenticator(String code) {
        page.locator("#disable-code").fill(code);
        page.locator("#totp-disable").click();
    }

    BackupCodesPage generateBackupCodes() {
        page.locator("#backup-generate").click();
        return new BackupCodesPage(page);
    }

    Locator notice() {
        return page.locator("main [role=status]");
    }
}
