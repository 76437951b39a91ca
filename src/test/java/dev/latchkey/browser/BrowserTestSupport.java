package dev.latchkey.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application on a random port and a fresh browser context (own cookies) per test. Every page that a test
 * opens must load without a Content-Security-Policy violation or a script error; a failing test leaves a
 * screenshot under {@code target/screenshots/failures/}.
 */
@IntegrationTest
abstract class BrowserTestSupport {

    static final Path SCREENSHOTS = Path.of(System.getProperty("latchkey.test.screenshots", "target/screenshots"));

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    MutableClock clock;

    BrowserContext context;
    Page page;
    final List<String> pageProblems = new CopyOnWriteArrayList<>();

    /** Taken while the page is still open, before the context is closed. */
    @RegisterExtension
    final TestExecutionExceptionHandler failureShots = (extension, cause) -> {
        if (page != null && !page.isClosed()) {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS
                    .resolve("failures").resolve(extension.getRequiredTestMethod().getName() + ".png")));
        }
        throw cause;
    };

    @BeforeEach
    void openBrowser() {
        context = newContext(new Browser.NewContextOptions());
        page = context.newPage();
    }

    @AfterEach
    void closeBrowserWithoutScriptOrPolicyProblems() {
        clock.reset();
        context.close();
        assertThat(pageProblems).as("console errors, CSP violations and script errors").isEmpty();
    }

    /** A separate browser (own cookies, own options) that takes part in the same checks. */
    BrowserContext newContext(Browser.NewContextOptions options) {
        if (options.baseURL == null) {
            options.setBaseURL("http://localhost:" + port);
        }
        if (options.locale == null) {
            options.setLocale("en-GB");
        }
        if (options.viewportSize == null) {
            options.setViewportSize(Screens.DESKTOP_WIDTH, Screens.DESKTOP_HEIGHT);
        }
        BrowserContext created = Chromium.browser().newContext(options.setAcceptDownloads(true));
        created.onPage(this::watch);
        return created;
    }

    private void watch(Page opened) {
        opened.onPageError(error -> pageProblems.add("script error on " + opened.url() + ": " + error));
        opened.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().contains("status of 4")) {
                pageProblems.add("console error on " + opened.url() + ": " + message.text());
            }
        });
    }
}
