package dev.latchkey.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ViewportSize;

/**
 * What every page must pass, at a phone's viewport (390×844) and at desktop width: axe-core reports no serious or
 * critical violation, nothing is wider than the screen (no sideways scrolling), and a full-page screenshot of each
 * size is kept under {@code target/screenshots/} as a test artifact.
 */
final class Screens {

    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 800;
    static final ViewportSize PHONE = new ViewportSize(390, 844);
    static final ViewportSize DESKTOP = new ViewportSize(DESKTOP_WIDTH, DESKTOP_HEIGHT);

    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final List<String> STANDARDS =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    private Screens() {}

    /** Checks the page as it is now at both sizes, then puts the viewport back. */
    static void check(Page page, String name) {
        ViewportSize before = page.viewportSize();
        try {
            checkAt(page, name + "-phone", PHONE);
            checkAt(page, name + "-desktop", DESKTOP);
        } finally {
            page.setViewportSize(before.width, before.height);
        }
    }

    private static void checkAt(Page page, String shot, ViewportSize size) {
        page.setViewportSize(size.width, size.height);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("%s: content wider than the %d px screen", shot, size.width)
                .isLessThanOrEqualTo(0);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(BrowserTestSupport.SCREENSHOTS.resolve(shot + ".png")));
        AxeResults results = new AxeBuilder(page).withTags(STANDARDS).analyze();
        List<Rule> blocking = results.getViolations().stream().filter(r -> BLOCKING.contains(r.getImpact())).toList();
        assertThat(blocking).as("%s (%s): axe-core serious/critical violations:%n%s", shot, page.url(),
                blocking.stream().map(Screens::describe).collect(Collectors.joining("\n"))).isEmpty();
    }

    private static String describe(Rule rule) {
        return "- " + rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(5).toList();
    }
}
