package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * F-ACCOUNT-4, F-ADMIN-5 in Chromium: two browsers of one user see each other on the Security page, one signs the other
 * out; times are written in the reader's zone (the context's, Europe/Amsterdam) by app.js, on the Security page, the
 * code page and the audit log's filter.
 */
class SecurityActivityBrowserTests extends BrowserTestSupport {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Test
    void twoBrowsersSeeBothSessionsAndOneSignsTheOtherOutWithTimesInTheReadersZone() {
        UserView user = testUsers.portalUser("globex");
        LoginPage.open(page, "globex").signIn(user.email(), TestUsers.PASSWORD);
        new HomePage(page, "/sites/globex/");
        Page mine = amsterdam().newPage();
        LoginPage.open(mine, "globex").signIn(user.email(), TestUsers.PASSWORD);
        new HomePage(mine, "/sites/globex/");
        assertThat(mine.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone"))
                .isEqualTo("Europe/Amsterdam");

        SecurityPage.open(mine, "globex");
        Locator rows = mine.locator("#sessions [data-session]");
        assertThat(rows).hasCount(2);
        Locator current = mine.locator("#sessions .session-current");
        assertThat(current).containsText("This browser");
        assertThat(current).containsText("Chrome");
        assertLocal(current.locator("time.local-time").first());
        assertLocal(
                mine.locator("#recent-sign-ins [data-sign-in] time.local-time").first());
        assertThat(mine.locator("#recent-sign-ins [data-sign-in]").first()).containsText("Password only");
        PageAudit.check(mine, "security-sessions");

        mine.locator("#sessions [data-session]:not(.session-current) .sign-out-session")
                .click();
        assertThat(mine.locator("#sessions [role=status]")).containsText("That session is signed out");
        assertThat(rows).hasCount(1);
        assertThat(mine.locator("#sessions .session-current")).hasCount(1);
        PageAudit.check(mine, "security-session-signed-out");

        page.navigate("/sites/globex/");
        new LoginPage(page); // the other browser is sent to sign in
        mine.navigate("/sites/globex/");
        new HomePage(mine, "/sites/globex/");

        // this browser's own row signs it out through the ordinary logout
        SecurityPage.open(mine, "globex");
        mine.locator("#sessions .session-current .sign-out-session").click();
        new LoginPage(mine);
    }

    @Test
    void theCodePageShowsWhenTheCodeExpiresInTheReadersZone() {
        UserView user = testUsers.portalUser("acme");
        Page mine = amsterdam().newPage();
        LoginPage.open(mine, "acme").signIn(user.email(), TestUsers.PASSWORD);
        new CodePage(mine, "email");
        Locator expires = mine.locator("#code-expires-at");
        assertThat(expires).isVisible();
        Instant at = Instant.parse(expires.getAttribute("datetime"));
        assertThat(expires).hasText(DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(AMSTERDAM)));
        assertThat(mine.locator("#code-validity")).containsText("Valid until");
        PageAudit.check(mine, "code-expiry-local");
        new CodePage(mine, "email").enter(TestMailServer.awaitCode(user.email(), 1));
        new HomePage(mine, "/sites/acme/");
    }

    @Test
    void theAuditFilterReadsItsTimesInTheReadersZoneAndTheUserPageShowsLocalTimes() {
        UserView admin = testUsers.admin();
        Page mine = amsterdam().newPage();
        LoginPage.openAdmin(mine).signIn(admin.email(), TestUsers.PASSWORD);
        new CodePage(mine, "email").enter(TestMailServer.awaitCode(admin.email(), 1));
        new HomePage(mine, "/admin/");

        mine.navigate("/admin/audit");
        assertThat(mine.locator("#f-tz")).hasValue("Europe/Amsterdam");
        assertThat(mine.locator("#audit-zone-name")).hasText("Europe/Amsterdam");
        assertLocal(mine.locator("#audit-table time.local-time").first());
        mine.locator("#f-from").fill("2030-03-10T11:00");
        mine.locator("#audit-filter button[type=submit]").click();
        assertThat(mine).hasURL(Pattern.compile(".*tz=Europe%2FAmsterdam.*"));
        assertThat(mine.locator("#audit-zone-name")).hasText("Europe/Amsterdam");
        PageAudit.check(mine, "audit-local-zone");

        mine.navigate("/admin/users/" + admin.id());
        assertLocal(mine.locator("#sessions-table time.local-time").first());
        assertLocal(mine.locator("#sign-ins-table time.local-time").first());
        PageAudit.check(mine, "admin-user-local-times");
    }

    /** A browser in Amsterdam (British English), watched by the same checks as the test's own page. */
    private BrowserContext amsterdam() {
        return newContext(new Browser.NewContextOptions().setTimezoneId("Europe/Amsterdam"));
    }

    /** app.js wrote the time in Amsterdam's zone; the UTC text it replaced is kept as the title. */
    private static void assertLocal(Locator time) {
        Instant at = Instant.parse(time.getAttribute("datetime"));
        assertThat(time).hasAttribute("data-local", "true");
        assertThat(time).containsText(CLOCK.format(at.atZone(AMSTERDAM)));
        assertThat(time).not().containsText("UTC");
        assertThat(time).hasAttribute("title", Pattern.compile(" UTC$"));
    }
}
