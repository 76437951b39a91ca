package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Admin → Login &amp; Security: the all-sites and platform switches, and one policy row per site. */
final class LoginSecurityPage {

    private final Page page;

    LoginSecurityPage(Page page) {
        this.page = page;
        // a system admin gets the switches; a site admin the policies, read-only
        assertThat(page.locator("#site-policies")).isVisible();
    }

    static LoginSecurityPage open(Page page) {
        page.navigate("/admin/login-security");
        return new LoginSecurityPage(page);
    }

    Locator allSites() {
        return page.locator("#allSites");
    }

    LoginSecurityPage saveAllSites(boolean on) {
        allSites().setChecked(on);
        page.locator("#mfa-switches button[type=submit]").click();
        return new LoginSecurityPage(page);
    }

    Locator notice() {
        return page.locator("main [role=status]");
    }
}
