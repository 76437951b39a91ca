package dev.latchkey.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One headless Debian Chromium for the whole browser suite, driven by Playwright for Java. Playwright never downloads a
 * browser here: {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1} and the system's {@code /usr/bin/chromium} (another path
 * with {@code -Dlatchkey.test.chromium=...}).
 */
final class Chromium {

    private static Playwright playwright;
    private static Browser browser;

    private Chromium() {}

    static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(
                                    Path.of(System.getProperty("latchkey.test.chromium", "/usr/bin/chromium")))
                            .setHeadless(true)
                            // the machine's network is closed: keep Chromium from calling home at every start
                            .setArgs(List.of(
                                    "--disable-gpu",
                                    "--disable-quic",
                                    "--no-first-run",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--disable-sync",
                                    "--disable-dev-shm-usage")));
            Runtime.getRuntime().addShutdownHook(new Thread(Chromium::close));
        }
        return browser;
    }

    private static synchronized void close() {
        if (playwright != null) {
            playwright.close();
        }
    }
}
