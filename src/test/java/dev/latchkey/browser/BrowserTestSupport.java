package dev.latchkey.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.TestUsers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application on a random port and a fresh browser context (own cookies) per test. Every page that a test opens is
 * watched by {@link PageAudit}: the problems its {@link PageAudit#check} calls found, and any console error (a
 * Content-Security-Policy violation is one), script error or failed sub-resource that no audit reported, fail the test
 * at its end, all in one list. A failing test leaves a screenshot under {@code target/screenshots/failures/}.
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
    private final List<Page> watched = new CopyOnWriteArrayList<>();

    /** Taken while the page is still open, before the context is closed. */
    @RegisterExtension
    final TestExecutionExceptionHandler failureShots = (extension, cause) -> {
        if (page != null && !page.isClosed()) {
            try {
                page.screenshot(new Page.ScreenshotOptions()
                        .setFullPage(true)
                        .setPath(SCREENSHOTS
                                .resolve("failures")
                                .resolve(extension.getRequiredTestMethod().getName() + ".png")));
            } catch (RuntimeException unavailable) {
                cause.addSuppressed(unavailable); // the test's own failure is what matters
            }
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
        List<PageAudit.Problem> problems = new ArrayList<>();
        for (Page watchedPage : watched) {
            problems.addAll(PageAudit.takeDeferred(watchedPage));
            for (String event : PageAudit.takeEvents(watchedPage)) {
                problems.add(
                        new PageAudit.Problem("not audited", PageAudit.path(watchedPage.url()), "page", "", event));
            }
        }
        watched.clear();
        if (!problems.isEmpty()) {
            throw new AssertionError(PageAudit.report(problems));
        }
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
            options.setViewportSize(PageAudit.DESKTOP.width, PageAudit.DESKTOP.height);
        }
        BrowserContext created = Chromium.browser().newContext(options.setAcceptDownloads(true));
        created.onPage(this::watch);
        return created;
    }

    private void watch(Page opened) {
        watched.add(opened);
        PageAudit.watch(opened, true);
    }
}
