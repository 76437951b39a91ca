package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.ViewportSize;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The API explorer (F-API-3, Swagger UI served by springdoc) in a real Chromium, for a signed-in system admin: it loads
 * the document from {@code /admin/api-docs} and renders it under the pages' strict Content-Security-Policy (no inline
 * script or style); a violation, a script error or a failed asset is a console event that fails the test. So that an
 * operation with its examples is rendered too, this class's application (a context of its own) adds the operations of
 * the hand-made {@code openapi/sample.json} to the document. Swagger UI is not one of Latchkey's pages, so
 * {@link PageAudit#check} (layout, accessibility, translations) does not apply; the screenshots are kept as
 * {@code target/screenshots/admin-api-explorer-phone.png} and {@code -desktop.png}.
 */
@Import(ApiExplorerBrowserTests.SampleOperations.class)
class ApiExplorerBrowserTests extends BrowserTestSupport {

    static final Duration FIRST_DOCUMENT = Duration.ofSeconds(30);

    /** Adds the sample document's paths and schemas to the generated document, in this class's context only. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SampleOperations {

        @Bean
        OpenApiCustomizer sampleOperations() {
            return openApi -> {
                OpenAPI sample = sample();
                sample.getPaths().forEach(openApi::path);
                sample.getComponents().getSchemas().forEach(openApi.getComponents()::addSchemas);
            };
        }

        private static OpenAPI sample() {
            try {
                return Json31.mapper()
                        .readValue(
                                Path.of("src/test/resources/openapi/sample.json")
                                        .toFile(),
                                OpenAPI.class);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    @Test
    void aSystemAdminOpensTheExplorerAndSeesTheDocument() {
        UserView admin = testUsers.admin();
        LoginPage.openAdmin(page).signIn(admin.email(), TestUsers.PASSWORD);
        new CodePage(page, "email").enter(TestMailServer.awaitCode(admin.email(), 1));
        new HomePage(page, "/admin/");

        page.navigate("/admin/api-explorer");
        assertThat(page).hasURL(Pattern.compile("/admin/swagger-ui/index\\.html$"));
        // the first request for the document generates it (seconds on a busy machine)
        assertThat(page.locator(".swagger-ui .info .title"))
                .containsText(
                        "Latchkey API",
                        new LocatorAssertions.ContainsTextOptions().setTimeout(FIRST_DOCUMENT.toMillis()));
        assertThat(page.locator(".swagger-ui .info .title")).containsText("OAS 3.1");
        assertThat(page.locator(".swagger-ui .info .description")).containsText("Authorization: Bearer lk_");
        assertThat(page.locator(".swagger-ui .download-url-input")).hasCount(0); // no top bar: one document only

        page.locator(".swagger-ui .auth-wrapper .authorize").click();
        assertThat(page.locator(".swagger-ui .dialog-ux .modal-ux")).containsText("bearerAuth");
        assertThat(page.locator(".swagger-ui .dialog-ux input[type=text]")).isVisible();
        page.locator(".swagger-ui .dialog-ux .close-modal").click();
        assertThat(page.locator(".swagger-ui .dialog-ux")).hasCount(0);

        Locator operation =
                page.locator(".swagger-ui .opblock-get", new Page.LocatorOptions().setHasText("/api/v1/users/{id}"));
        operation.locator(".opblock-summary-control").click();
        assertThat(operation.locator(".responses-wrapper")).containsText("Jan de Vries"); // the operation's example
        operation.locator(".try-out__btn").click();
        assertThat(operation.locator("input[placeholder=id]")).isVisible();

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
