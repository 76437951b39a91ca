package dev.latchkey.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checker checked: {@link PageAudit} on small pages served here (no application), one per kind of defect, each
 * found at the width it shows at, and a page that is fine in every respect (a table that scrolls on the phone only,
 * text hidden for screen readers, a skip link off-screen) found fine.
 */
class PageAuditBrowserTests {

    private static final byte[] ICON = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static final String STYLE = """
            body { margin: 0; font: 16px/1.5 sans-serif; color: #1b2330; background: #f4f6fa; }
            header, main, footer { padding: 0 1rem; }
            .card { border: 1px solid #dde2ea; background: #fff; padding: 1rem; margin: 1rem 0; }
            .table-wrap { overflow-x: auto; }
            .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
              white-space: nowrap; }
            .skip { position: absolute; left: -999px; }
            .nowrap td, .nowrap th { white-space: nowrap; }
            a { color: #1f3fb0; }
            """;

    private static final String FINE = """
            <p>Some text with a rather long word: Donaudampfschifffahrtsgesellschaftskapitänswitwe, wrapped
              <span style="overflow-wrap: anywhere">anywhere-if-it-must-be-wrapped-because-it-is-so-long</span>.</p>
            <p style="width: 7em">Enter the 6-digit code from your authenticator app, or a backup code.</p>
            <p style="width: 12em">Your code: k3nts-34p92, contract LC-2019-0311, on 2026-11-30 19:56:44.</p>
            <span class="visually-hidden">A long text for screen readers only, clipped on purpose to one pixel</span>
            <form class="card">
              <label for="mode">Mode</label>
              <select id="mode"><option>Required (locked)</option><option>Off</option></select>
              <label for="name">Name</label> <input id="name" type="text" value="Alice">
              <button type="submit" style="overflow: hidden; text-overflow: ellipsis; white-space: nowrap">Save</button>
            </form>
            <div class="card table-wrap" tabindex="0" role="region" aria-label="Events">
              <table class="nowrap"><thead><tr><th>Time</th><th>Event</th><th>User</th><th>Detail</th></tr></thead>
                <tbody><tr><td>2026-11-30 19:56</td><td>Sign-in with a password</td><td>alice@acme.test</td>
                  <td>Twelve words of detail that make the table wider than a phone</td></tr></tbody></table>
            </div>
            """;

    private static final Map<String, String> PAGES = Map.ofEntries(
            Map.entry("/fine", html("Fine page · Latchkey", FINE)),
            Map.entry("/overflow", html("Overflow · Latchkey", "<div style=\"width: 1500px\">Wide</div>")),
            Map.entry(
                    "/select",
                    html(
                            "Select · Latchkey",
                            "<label for=\"s\">MFA</label>"
                                    + "<select id=\"s\" style=\"width: 70px\"><option>Required"
                                    + " (locked)</option></select>")),
            Map.entry(
                    "/ellipsis",
                    html(
                            "Ellipsis · Latchkey",
                            "<button style=\"width: 80px; overflow: hidden;"
                                    + " text-overflow: ellipsis; white-space: nowrap\">Authenticator app</button>")),
            Map.entry(
                    "/parent-cut",
                    html(
                            "Parent · Latchkey",
                            "<div style=\"width: 120px; overflow: hidden\">"
                                    + "<a href=\"#x\" style=\"white-space: nowrap\">A link with a long"
                                    + " text</a></div>")),
            Map.entry(
                    "/wide-table",
                    html(
                            "Table · Latchkey",
                            "<div class=\"card table-wrap\" tabindex=\"0\""
                                    + " role=\"region\" aria-label=\"Log\"><table"
                                    + " class=\"nowrap\"><thead><tr><th>Time</th>"
                                    + "<th>Detail</th></tr></thead><tbody><tr><td>19:56</td><td>" + "word ".repeat(250)
                                    + "</td></tr></tbody></table></div>")),
            Map.entry(
                    "/broken-code",
                    html(
                            "Code · Latchkey",
                            "<table style=\"width: 3em\"><thead><tr><th>No.</th>" + "</tr></thead><tbody>"
                                    + "<tr><td>LC-2019-0311</td></tr>".repeat(3) + "</tbody></table>")),
            Map.entry(
                    "/tabs",
                    html(
                            "Tabs · Latchkey",
                            "<nav aria-label=\"Main\"><div style=\"display: flex;"
                                    + " gap: 1rem; overflow-x: auto\">"
                                    + "<a href=\"#t\" style=\"white-space: nowrap\">A tab</a>".repeat(12)
                                    + "</div></nav>")),
            Map.entry(
                    "/sticks-out",
                    html(
                            "Card · Latchkey",
                            "<div class=\"card\" style=\"max-width: 300px\">"
                                    + "<div style=\"width: 450px\">Too wide for its card</div></div>")),
            Map.entry("/bare", """
                    <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Users</title>
                    <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                    <body><main><h1>Users</h1><img src="/missing.png" alt=""></main></body></html>"""),
            Map.entry(
                    "/errors",
                    html(
                            "Errors · Latchkey",
                            "<img src=\"/logo.png\">"
                                    + "<script>console.error('boom'); setTimeout(() => { throw new"
                                    + " Error('bang'); });</script>")),
            Map.entry(
                    "/no-icon",
                    html("No icon · Latchkey", "<p>Text</p>")
                            .replace("<head>", "<head><link rel=\"icon\" href=\"/missing-icon.png\">")),
            Map.entry("/generic", html("Latchkey", "<p>Text</p>")));

    private static HttpServer server;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", PageAuditBrowserTests::answer);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void open() {
        context = Chromium.browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL("http://127.0.0.1:" + server.getAddress().getPort())
                        .setViewportSize(PageAudit.DESKTOP.width, PageAudit.DESKTOP.height));
        context.onPage(PageAudit::watch);
        page = context.newPage();
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aPageWithoutDefectsPasses() {
        assertThat(audit("/fine")).isEmpty();
    }

    @Test
    void sidewaysScrollingOfThePageIsFoundAndTheWideElementNamed() {
        List<PageAudit.Problem> problems = audit("/overflow");
        for (String width : List.of("390", "1280")) {
            assertThat(problems).anySatisfy(p -> {
                assertThat(p.width()).isEqualTo(width);
                assertThat(p.what()).contains("the page scrolls sideways").contains("main#main > div (to 1516 px)");
            });
        }
    }

    @Test
    void aDropDownNarrowerThanItsChoiceIsFound() {
        assertThat(audit("/select")).anySatisfy(p -> {
            assertThat(p.where()).isEqualTo("select#s");
            assertThat(p.what()).contains("drop-down").contains("\"Required (locked)\"");
        });
    }

    @Test
    void textCutOffByItsOwnBoxOrABoxAboveIsFound() {
        assertThat(audit("/ellipsis"))
                .anySatisfy(p -> assertThat(p.what()).contains("\"Authenticator app\" is cut off with an ellipsis"));
        assertThat(audit("/parent-cut"))
                .anySatisfy(p -> assertThat(p.what()).contains("\"A link with a long text\" is cut off"));
    }

    @Test
    void aTableMayScrollOnAPhoneButMustFitADesktop() {
        List<PageAudit.Problem> problems = audit("/wide-table");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.width()).isEqualTo("1280");
            assertThat(p.what()).contains("the table needs sideways scrolling").contains("\"Detail\"");
        });
        assertThat(problems).noneSatisfy(p -> assertThat(p.width()).contains("390"));
    }

    @Test
    void aCodeBrokenOverTwoLinesIsFound() {
        assertThat(audit("/broken-code")).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("main#main > table > tbody > tr > td");
            assertThat(p.what()).isEqualTo("\"LC-2019-0311\" is broken over two lines (and 2 more like it)");
        });
    }

    @Test
    void tabsHiddenInASidewaysScrollingBarAreFound() {
        List<PageAudit.Problem> problems = audit("/tabs");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.width()).isEqualTo("390");
            assertThat(p.what()).contains("scrolls sideways and hides").contains("\"A tab\"");
        });
    }

    @Test
    void anElementWiderThanItsCardIsFound() {
        assertThat(audit("/sticks-out")).anySatisfy(p -> {
            assertThat(p.where()).isEqualTo("main#main > div.card > div");
            assertThat(p.what()).isEqualTo("sticks out of main#main > div.card by 133 px");
        });
    }

    @Test
    void aBareTitleAMissingSwitcherAndAMissingImageAreFound() {
        List<PageAudit.Problem> problems = audit("/bare");
        assertThat(problems).anySatisfy(p -> assertThat(p.what()).contains("<title> \"Users\" does not name the site"));
        assertThat(problems).anySatisfy(p -> assertThat(p.what()).contains("no language switcher"));
        assertThat(problems).anySatisfy(p -> assertThat(p.what()).contains("GET /missing.png (image) answered 404"));
        assertThat(audit("/generic"))
                .anySatisfy(p -> assertThat(p.what()).contains("<title> \"Latchkey\" does not say which page"));
    }

    @Test
    void consoleErrorsScriptErrorsAndAxeViolationsAreFound() {
        List<PageAudit.Problem> problems = audit("/errors");
        assertThat(problems)
                .anySatisfy(p -> assertThat(p.what()).contains("console error").contains("boom"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p.what()).contains("script error").contains("bang"));
        assertThat(problems).anySatisfy(p -> assertThat(p.what()).startsWith("axe image-alt [critical]"));
    }

    @Test
    void aMissingFaviconIsFound() {
        assertThat(audit("/no-icon"))
                .anySatisfy(p -> assertThat(p.what()).isEqualTo("GET /missing-icon.png (the favicon) answered 404"));
    }

    @Test
    void everyProblemIsReportedInOneMessage() {
        page.navigate("/bare");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PageAudit.check(page, "self-test-bare"))
                .hasMessageContaining("self-test-bare (/bare):")
                .hasMessageContaining("does not name the site")
                .hasMessageContaining("no language switcher")
                .hasMessageContaining("answered 404");
    }

    private List<PageAudit.Problem> audit(String path) {
        page.navigate(path);
        page.waitForTimeout(50); // lets the page's own timers run: a script error is thrown from one
        List<PageAudit.Problem> problems = PageAudit.audit(page, "self-test" + path.replace('/', '-'));
        assertThat(problems).allSatisfy(p -> assertThat(p.what()).doesNotContain("the audit itself failed"));
        return problems;
    }

    private static String html(String title, String main) {
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title><style>%s</style></head><body>
                <a class="skip" href="#main">Skip to content</a>
                <header><a class="brand" href="/"><span class="brand-name">Latchkey</span></a></header>
                <main id="main"><h1>A page</h1>%s</main>
                <footer><nav id="language-switcher" aria-label="Language"><a href="?lang=en" lang="en">English</a>
                  <a href="?lang=nl" lang="nl">Nederlands</a></nav></footer>
                </body></html>""".formatted(title, STYLE, main);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        String type;
        int status = 200;
        if (path.equals("/favicon.ico")) {
            body = ICON;
            type = "image/png";
        } else if (path.equals("/logo.png")) {
            body = ICON;
            type = "image/png";
        } else if (PAGES.containsKey(path)) {
            body = PAGES.get(path).getBytes(StandardCharsets.UTF_8);
            type = "text/html; charset=utf-8";
        } else {
            body = "not found".getBytes(StandardCharsets.UTF_8);
            type = "text/plain";
            status = 404;
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
