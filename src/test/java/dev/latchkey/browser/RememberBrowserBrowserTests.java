package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * F-DEVICE in Chromium: a code with "Remember this browser" ticked, then a sign-in with the password alone; the
 * Security page lists the browser and forgets it, and the next sign-in asks for the code again.
 */
class RememberBrowserBrowserTests extends BrowserTestSupport {

    @Test
    void aRememberedBrowserSkipsTheCodeUntilItIsForgottenOnTheSecurityPage() {
        UserView user = testUsers.portalUser("acme");
        LoginPage.open(page, "acme").signIn(user.email(), TestUsers.PASSWORD);
        CodePage code = new CodePage(page, "email");
        Locator remember = page.locator("#code-form #remember-browser");
        assertThat(remember).isVisible();
        assertThat(remember).not().isChecked();
        assertThat(page.locator("label[for=remember-browser]")).containsText("Remember this browser for 30 days");
        PageAudit.check(page, "remember-browser-code");
        remember.check();
        code.enter(TestMailServer.awaitCode(user.email(), 1));
        new HomePage(page, "/sites/acme/").signOut();

        LoginPage.open(page, "acme").signIn(user.email(), TestUsers.PASSWORD);
        new HomePage(page, "/sites/acme/");

        SecurityPage.open(page, "acme");
        Locator rows = page.locator("#remembered-browsers [data-browser]");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("This browser");
        assertThat(rows.first()).containsText("Chrome");
        assertThat(rows.first().locator("time.local-time")).hasCount(2);
        assertThat(page.locator("#recent-sign-ins [data-sign-in]").first()).containsText("Remembered browser");
        PageAudit.check(page, "security-remembered-browsers");

        rows.first().locator(".forget-browser").click();
        assertThat(page.locator("#remembered-browsers [role=status]")).containsText("That browser is forgotten");
        assertThat(rows).hasCount(0);
        PageAudit.check(page, "security-browser-forgotten");
        page.navigate("/sites/acme/");
        new HomePage(page, "/sites/acme/").signOut();

        clock.advance(Duration.ofSeconds(31)); // a new code goes out at most every 30 seconds
        LoginPage.open(page, "acme").signIn(user.email(), TestUsers.PASSWORD);
        new CodePage(page, "email").enter(TestMailServer.awaitCode(user.email(), 2));
        new HomePage(page, "/sites/acme/");
    }
}
