package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ViewportSize;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The API explorer (F-API-3, Swagger UI served by springdoc) in a real Chromium, for a signed-in system admin: it loads
 * the document from {@code /admin/api-docs} and renders it under the pages' strict Content-Security-Policy (no inline
 * script or style); a violation, a script error or a failed asset is a console event that fails the test. Swagger UI is
 * not one of Latchkey's pages, so {@link PageAudit#check} (layout, accessibility, translations) does not apply; the
 * screenshots are kept as {@code target/screenshots/admin-api-explorer-phone.png} and {@code -desktop.png}.
 */
class ApiExplorerBrowserTests extends BrowserTestSupport {

    @Test
    void aSystemAdminOpensTheExplorerAndSeesTheDocument() {
        UserView admin = testUsers.admin();
        LoginPage.openAdmin(page).signIn(admin.email(), TestUsers.PASSWORD);
        new CodePage(page, "email").enter(TestMailServer.awaitCode(admin.email(), 1));
        new HomePage(page, "/admin/");

        page.navigate("/admin/api-explorer");
        assertThat(page).hasURL(Pattern.compile("/admin/swagger-ui/index\\.html$"));
        assertThat(page.locator(".swagger-ui .info .title")).containsText("Latchkey API");
        assertThat(page.locator(".swagger-ui .info .title")).containsText("OAS 3.1");
        assertThat(page.locator(".swagger-ui .info .description")).containsText("Authorization: Bearer lk_");
        assertThat(page.locator(".swagger-ui .auth-wrapper .authorize")).isVisible();
        assertThat(page.locator(".swagger-ui .download-url-input")).hasCount(0); // no top bar: one document only

        page.locator(".swagger-ui .auth-wrapper .authorize").click();
        assertThat(page.locator(".swagger-ui .dialog-ux .modal-ux")).containsText("bearerAuth");
        assertThat(page.locator(".swagger-ui .dialog-ux input[type=text]")).isVisible();
        page.locator(".swagger-ui .dialog-ux .close-modal").click();
        assertThat(page.locator(".swagger-ui .dialog-ux")).hasCount(0);

        screenshot(PageAudit.PHONE, "phone");
        screenshot(PageAudit.DESKTOP, "desktop");
    }

    private void screenshot(ViewportSize size, String name) {
        page.setViewportSize(size.width, size.height);
        assertThat(page.locator(".swagger-ui .info .title")).isVisible();
        page.screenshot(new Page.ScreenshotOptions()
                .setFullPage(true)
                .setPath(SCREENSHOTS.resolve("admin-api-explorer-" + name + ".png")));
    }
}
