package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.util.List;

/**
 * The backup codes, shown once: {@code .backup-code}, {@code #backup-download}, {@code #backup-print},
 * {@code #backup-copy}.
 */
final class BackupCodesPage {

    private final Page page;

    BackupCodesPage(Page page) {
        this.page = page;
        assertThat(page.locator(".backup-code").first()).isVisible();
    }

    List<String> codes() {
        return page.locator(".backup-code").allInnerTexts();
    }

    Download download() {
        return page.waitForDownload(() -> page.locator("#backup-download").click());
    }

    SecurityPage done() {
        page.locator("main a.button.primary").click();
        return new SecurityPage(page);
    }
}
