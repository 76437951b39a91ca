package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;

/** The pages anyone can reach: the list of portals, the dev inbox of the demo run, the error pages. */
class PublicPagesBrowserTests extends BrowserTestSupport {

    @Test
    void theListOfPortalsLeadsToASitesSignIn() {
        page.navigate("/");
        assertThat(page.locator("main .tile")).not().hasCount(0);
        PageAudit.check(page, "index");
        page.locator("main .tile", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Acme Leasing"))
                .click();
        new LoginPage(page);
    }

    @Test
    void theDevInboxShowsWhatWasSent() {
        page.navigate("/dev/inbox");
        assertThat(page.locator("main h1")).isVisible();
        PageAudit.check(page, "dev-inbox");
    }

    @Test
    void anUnknownPageIsAFriendly404WithAWayBack() {
        page.navigate("/sites/acme/no-such-page");
        new LoginPage(page); // behind the sign-in: a visitor who is not signed in sees the sign-in first
        Response unknownSite = page.navigate("/sites/no-such-site/login");
        assertThat(unknownSite.status()).isEqualTo(404);
        assertThat(page.locator("main h1")).isVisible();
        assertThat(page.locator("main a[href]")).not().hasCount(0);
        PageAudit.check(page, "error-404");
    }
}
