package dev.latchkey.browser;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.ViewportSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a person would call broken on a page, checked as the page is now, at a phone's window (390×844) and at a
 * desktop's (1280×800). Every check runs at both sizes and every problem is collected; {@link #check} then fails with
 * one message that lists them all (page, width, where, what), {@link #audit} answers them for a caller that walks many
 * pages and reports at the end. A full-page screenshot of each size is kept as
 * {@code target/screenshots/<name>-phone.png} and {@code <name>-desktop.png}.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li><b>No sideways page scrolling</b>: the document is no wider than the window ({@code documentElement.scrollWidth
 *       <= clientWidth}); the elements that stick out are named.
 *   <li><b>No clipped text</b>: no visible text (of a button, link, label, table cell or anything else) passes the edge
 *       of a box that hides its overflow: neither its own box (an ellipsis, {@code scrollWidth > clientWidth}) nor one
 *       further up. A box that scrolls shows its content by scrolling, so text in it counts as clipped only when the
 *       scrolling box is itself cut off. Elements hidden on purpose for screen readers ({@code .visually-hidden}:
 *       clipped to 1 px) are not looked at.
 *   <li><b>Buttons with a {@code value} label and date/time fields</b> show all of their text.
 *   <li><b>No code broken over two lines</b>: a token of 2 to 24 characters with two digits or more and no {@code @} or
 *       {@code /} (a backup code, a contract or account number, a date) is on one line. "6-digit" in a sentence and
 *       long addresses may wrap.
 *   <li><b>A drop-down is as wide as its chosen option</b>: a copy of the {@code <select>} holding only that option, at
 *       its natural width, must not be wider than the real one.
 *   <li><b>Sideways scrolling only for data tables on a phone</b>: a {@code .table-wrap} may scroll on the phone; at
 *       desktop width its table must fit. Any other box that scrolls sideways must not hide a control (a tab, a link, a
 *       button) past its edge.
 *   <li><b>Nothing sticks out of its box</b>: no element passes the left or right edge of the nearest ancestor that
 *       draws a border or a background (a card, an alert, a tile) unless a box in between scrolls.
 *   <li><b>The language switcher</b> {@code #language-switcher} is visible with a link per language.
 *   <li><b>The title says which site and which page</b>: it contains the name the page's top bar shows
 *       ({@code .brand-name}: the site's name, "Latchkey Admin" on the admin site, "Latchkey" outside any site), and
 *       beyond that name, "Latchkey" and "Admin", at least one more word of three or more letters. So "Users · Latchkey
 *       Admin" and "Sign in · Acme Leasing" pass; "", "Latchkey", "Admin", "Users", "Latchkey Admin" do not.
 *   <li><b>Every sub-resource loads</b>: no css, script, image, font or fetch of the page is answered with 4xx or 5xx
 *       or fails, and the favicon (the page's {@code link rel=icon}, else {@code /favicon.ico}, which Chromium asks for
 *       on its own) is an image. The page's own document may have an error status (a 404 page, a refused form).
 *   <li><b>No console error and no script error</b> (a CSP violation is a console error); Chromium's "Failed to load
 *       resource" lines are reported as the failed sub-resource above, with its address.
 *   <li><b>axe-core</b> finds no violation of impact serious or critical (WCAG 2.2 AA and best practices).
 * </ul>
 *
 * Console and network events are recorded from the moment a page opens ({@link #watch}); an audit reports those
 * recorded since the previous audit of the same page, so each is reported once. The same layout problem in the same
 * place of every row of a table or item of a list is one line, "(and N more like it)". Problems found at both widths
 * are one line marked {@code [390+1280]}; {@code [page]} marks what does not depend on the width. The layout checks are
 * in {@code page-audit.js} beside this class; {@link PageAuditBrowserTests} shows each of them at work.
 */
final class PageAudit {

    static final ViewportSize PHONE = new ViewportSize(390, 844);
    static final ViewportSize DESKTOP = new ViewportSize(1280, 800);

    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final List<String> STANDARDS =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");
    private static final Set<String> GENERIC_WORDS = Set.of("latchkey", "admin");
    private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
    private static final String LAYOUT_CHECKS = script("page-audit.js");
    private static final Map<Page, Events> EVENTS = Collections.synchronizedMap(new WeakHashMap<>());

    private PageAudit() {}

    /** One thing wrong: on which page (name and address), at which width, where on it, and what. */
    record Problem(String page, String url, String width, String where, String what) {

        String line() {
            return "[" + width + "] " + (where.isEmpty() ? "" : where + ": ") + what;
        }
    }

    /**
     * Audits the page as it is now and fails with every problem found; puts the window size back. On a page watched
     * with {@code deferChecks} (every page of a {@link BrowserTestSupport} test) the failure waits for the end of the
     * test, so that the test's own steps still run and the problems of all its pages are listed together.
     */
    static void check(Page page, String name) {
        List<Problem> problems = audit(page, name);
        Events events = EVENTS.get(page);
        if (events != null && events.deferChecks) {
            events.defer(problems);
        } else if (!problems.isEmpty()) {
            throw new AssertionError(report(problems));
        }
    }

    /** Audits the page as it is now at both sizes and answers every problem; puts the window size back. */
    static List<Problem> audit(Page page, String name) {
        ViewportSize before = page.viewportSize();
        String url = path(page.url());
        Map<String, Set<String>> found = new LinkedHashMap<>(); // "where\0what" -> widths
        try {
            page.waitForLoadState(LoadState.LOAD);
            for (String what : pageChecks(page)) {
                found.computeIfAbsent("\0" + what, k -> new LinkedHashSet<>()).add("page");
            }
            for (ViewportSize size : List.of(PHONE, DESKTOP)) {
                String width = String.valueOf(size.width);
                for (String[] problem : checkAt(page, name, size)) {
                    found.computeIfAbsent(problem[0] + "\0" + problem[1], k -> new LinkedHashSet<>())
                            .add(width);
                }
            }
            for (String what : takeEvents(page)) {
                found.computeIfAbsent("\0" + what, k -> new LinkedHashSet<>()).add("page");
            }
        } catch (RuntimeException ex) {
            found.computeIfAbsent("\0the audit could not run: " + firstLine(ex), k -> new LinkedHashSet<>())
                    .add("page");
        } finally {
            if (before != null && !page.isClosed()) {
                try {
                    page.setViewportSize(before.width, before.height);
                } catch (RuntimeException ex) {
                    found.computeIfAbsent(
                                    "\0the audit could not put the window size back: " + firstLine(ex),
                                    k -> new LinkedHashSet<>())
                            .add("page");
                }
            }
        }
        List<Problem> problems = new ArrayList<>();
        found.forEach((key, widths) -> {
            String[] parts = key.split("\0", 2);
            String width = widths.contains("page")
                    ? "page"
                    : widths.size() == 2 ? PHONE.width + "+" + DESKTOP.width : String.join("+", widths);
            problems.add(new Problem(name, url, width, parts[0], parts[1]));
        });
        return problems;
    }

    /** One readable list: per page its address, then one line per problem. */
    static String report(List<Problem> problems) {
        Map<String, List<Problem>> byPage = problems.stream()
                .collect(Collectors.groupingBy(
                        p -> p.page() + " (" + p.url() + ")", LinkedHashMap::new, Collectors.toList()));
        StringBuilder text = new StringBuilder();
        text.append(problems.size())
                .append(" problem(s) on ")
                .append(byPage.size())
                .append(" page(s)")
                .append(" (widths in px; [page] = at any width):\n");
        byPage.forEach((page, list) -> {
            text.append("\n").append(page).append(":\n");
            list.forEach(p -> text.append("  - ").append(p.line()).append('\n'));
        });
        return text.toString();
    }

    /** Records the console errors, script errors and failed requests of a page from now on. */
    static void watch(Page page) {
        watch(page, false);
    }

    /**
     * As {@link #watch(Page)}; with {@code deferChecks}, {@link #check} keeps its problems for {@link #takeDeferred}.
     */
    static void watch(Page page, boolean deferChecks) {
        Events events = new Events(deferChecks);
        EVENTS.put(page, events);
        page.onPageError(error -> events.add("script error on " + path(page.url()) + ": " + firstLine(error)));
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                events.console(page, message);
            }
        });
        page.onResponse(response -> events.response(page, response));
        page.onRequestFailed(request -> events.failed(page, request));
    }

    /** The problems that {@link #check} kept for the end of the test, and forgets them. */
    static List<Problem> takeDeferred(Page page) {
        Events events = EVENTS.get(page);
        return events == null ? List.of() : events.takeDeferred();
    }

    /** The events of a page that no audit has reported yet, and forgets them. */
    static List<String> takeEvents(Page page) {
        Events events = EVENTS.get(page);
        return events == null ? List.of() : events.take();
    }

    private static List<String> pageChecks(Page page) {
        List<String> problems = new ArrayList<>();
        String title = page.title().strip();
        Object brand = page.evaluate("() => { const b = document.querySelector('.topbar .brand-name');"
                + " return b ? b.textContent.trim() : null; }");
        String site = brand == null || brand.toString().isBlank() ? "Latchkey" : brand.toString();
        String rest = title.toLowerCase(Locale.ROOT).replace(site.toLowerCase(Locale.ROOT), " ");
        boolean pageWord = WORD.matcher(rest)
                .results()
                .map(m -> m.group().toLowerCase(Locale.ROOT))
                .anyMatch(word -> !GENERIC_WORDS.contains(word));
        if (title.isEmpty()) {
            problems.add("the <title> is empty");
        } else if (!title.toLowerCase(Locale.ROOT).contains(site.toLowerCase(Locale.ROOT))) {
            problems.add("the <title> \"" + title + "\" does not name the site \"" + site + "\" (wanted e.g. \""
                    + (pageWord ? title : "Page") + " · " + site + "\")");
        } else if (!pageWord) {
            problems.add("the <title> \"" + title + "\" does not say which page this is");
        }
        problems.addAll(favicon(page));
        return problems;
    }

    private static List<String> favicon(Page page) {
        String href = (String) page.evaluate("() => { const l = document.querySelector('link[rel~=icon]');"
                + " return l ? l.href : new URL('/favicon.ico', location.href).href; }");
        APIResponse response = page.context().request().get(href);
        try {
            String type = response.headers().getOrDefault("content-type", "");
            if (response.status() >= 400 || !type.startsWith("image/")) {
                Events events = EVENTS.get(page);
                if (events != null) {
                    events.knownFailure(href); // Chromium's own request for it logs a console line: reported here
                }
            }
            if (response.status() >= 400) {
                return List.of("GET " + path(href) + " (the favicon) answered " + response.status());
            }
            if (!type.startsWith("image/")) {
                return List.of(
                        "the favicon " + path(href) + " is not an image but " + (type.isEmpty() ? "untyped" : type));
            }
            return List.of();
        } finally {
            response.dispose();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String[]> checkAt(Page page, String name, ViewportSize size) {
        List<String[]> problems = new ArrayList<>();
        boolean phone = size.width < 760;
        // each step on its own: one that fails is reported and the others still run
        step(problems, "setting the window size", () -> page.setViewportSize(size.width, size.height));
        step(problems, "the layout checks", () -> {
            List<Map<String, Object>> layout = (List<Map<String, Object>>) page.evaluate(LAYOUT_CHECKS, phone);
            for (Map<String, Object> problem : layout) {
                problems.add(new String[] {String.valueOf(problem.get("where")), String.valueOf(problem.get("what"))});
            }
        });
        step(
                problems,
                "the screenshot",
                () -> page.screenshot(new Page.ScreenshotOptions()
                        .setFullPage(true)
                        .setPath(BrowserTestSupport.SCREENSHOTS.resolve(
                                name + (phone ? "-phone" : "-desktop") + ".png"))));
        step(problems, "axe-core", () -> {
            AxeRunOptions options = new AxeRunOptions();
            options.setResultTypes(List.of("violations")); // passes and incomplete cost time and are not looked at
            // in the page itself: the default runs its last step in a new blank window the test did not open
            AxeResults results = new AxeBuilder(page)
                    .options(options)
                    .withTags(STANDARDS)
                    .setLegacyMode(true)
                    .analyze();
            for (Rule rule : results.getViolations()) {
                if (BLOCKING.contains(rule.getImpact())) {
                    problems.add(new String[] {
                        rule.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .limit(4)
                                .collect(Collectors.joining(", ")),
                        "axe " + rule.getId() + " [" + rule.getImpact() + "]: " + rule.getHelp()
                    });
                }
            }
        });
        return problems;
    }

    private static void step(List<String[]> problems, String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException ex) {
            problems.add(new String[] {"", "the audit could not run " + what + ": " + firstLine(ex)});
        }
    }

    /** The path and query of an address of the app; anything else shortened. */
    static String path(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() != null && uri.getScheme().startsWith("http")) {
                return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
        } catch (IllegalArgumentException ignored) {
            // not an address: show it as it is
        }
        return url.length() > 80 ? url.substring(0, 80) + "…" : url;
    }

    /** The gist of an error: Playwright's messages start with "Error {" and put it on the line after. */
    static String firstLine(Object error) {
        String text = String.valueOf(error instanceof Throwable t ? t.getMessage() : error)
                .strip();
        text = text.replaceFirst("^Error \\{\\s*message='", "");
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String script(String name) {
        try (InputStream in = PageAudit.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing next to PageAudit");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** What happened on one page: kept until an audit (or the end of the test) takes it. */
    private static final class Events {

        final boolean deferChecks;
        private final List<Problem> deferred = new ArrayList<>();

        private final List<String> problems = new ArrayList<>();
        /** Failed console lines about loading a resource, with the resource's address: resolved when taken. */
        private final List<String[]> loadErrors = new ArrayList<>();

        private final Set<String> documents = new LinkedHashSet<>();
        private final Set<String> failedResources = new LinkedHashSet<>();

        Events(boolean deferChecks) {
            this.deferChecks = deferChecks;
        }

        synchronized void defer(List<Problem> problems) {
            deferred.addAll(problems);
        }

        synchronized List<Problem> takeDeferred() {
            List<Problem> taken = new ArrayList<>(deferred);
            deferred.clear();
            return taken;
        }

        synchronized void add(String problem) {
            problems.add(problem);
        }

        synchronized void console(Page page, ConsoleMessage message) {
            String text = message.text();
            String where = message.location() == null ? "" : message.location();
            if (text.startsWith("Failed to load resource")) {
                loadErrors.add(new String[] {where, text});
            } else {
                problems.add("console error on " + path(page.url()) + ": " + firstLine(text));
            }
        }

        synchronized void response(Page page, Response response) {
            Request request = response.request();
            if (request.isNavigationRequest() && response.frame() == page.mainFrame()) {
                documents.add(response.url()); // the page itself: its status is the page's business
                return;
            }
            if (response.status() >= 400) {
                failedResources.add(response.url());
                problems.add(request.method() + " " + path(response.url()) + " (" + request.resourceType()
                        + ") answered " + response.status() + " on " + path(page.url()));
            }
        }

        synchronized void failed(Page page, Request request) {
            String failure = request.failure();
            if (failure != null && failure.contains("ERR_ABORTED")) {
                return; // left behind by a navigation or a download: not a broken resource
            }
            if (request.isNavigationRequest() && request.frame() == page.mainFrame()) {
                return;
            }
            failedResources.add(request.url());
            problems.add(request.method() + " " + path(request.url()) + " (" + request.resourceType() + ") failed: "
                    + failure + " on " + path(page.url()));
        }

        synchronized void knownFailure(String url) {
            failedResources.add(url);
        }

        synchronized List<String> take() {
            List<String> taken = new ArrayList<>(problems);
            for (String[] error : loadErrors) {
                String url = error[0];
                boolean known = documents.stream().anyMatch(url::startsWith)
                        || failedResources.stream().anyMatch(url::startsWith);
                if (!known) {
                    taken.add("console error: " + error[1] + (url.isEmpty() ? "" : " (" + path(url) + ")"));
                }
            }
            problems.clear();
            loadErrors.clear();
            return taken;
        }
    }
}
