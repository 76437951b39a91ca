package dev.latchkey.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** F-ADMIN-5: filters, stable pages, and a streamed CSV export that escapes properly. */
@IntegrationTest
class AuditLogIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    TestUsers testUsers;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void filtersBySiteUserTypeAndTime() {
        String tag = "f" + System.nanoTime();
        record(tag + "-a@acme.test", "acme", "signin.password", "failure", null);
        record(tag + "-b@globex.test", "globex", "signin.password", "success", null);
        record(tag + "-a@acme.test", "acme", "code.sent", "success", null);
        clock.advance(Duration.ofHours(2));
        Instant later = clock.instant().minusSeconds(1);
        record(tag + "-a@acme.test", "acme", "signin.completed", "success", null);

        assertThat(types(new AuditFilter("acme", tag, null, null, null)))
                .containsExactly("signin.completed", "code.sent", "signin.password");
        assertThat(types(new AuditFilter("globex", tag, null, null, null))).containsExactly("signin.password");
        assertThat(types(new AuditFilter(null, tag + "-b", null, null, null))).containsExactly("signin.password");
        assertThat(types(new AuditFilter(null, tag, "code.sent", null, null))).containsExactly("code.sent");
        assertThat(types(new AuditFilter(null, tag, null, later, null))).containsExactly("signin.completed");
        assertThat(types(new AuditFilter(null, tag, null, null, later))).hasSize(3);
        assertThat(types(new AuditFilter(null, tag.toUpperCase(), null, null, null)))
                .as("case-insensitive")
                .hasSize(4);
        assertThat(types(new AuditFilter(null, tag + "_a@acme", null, null, null)))
                .as("_ is literal")
                .isEmpty();
        assertThat(types(new AuditFilter(null, tag + "%a@acme", null, null, null)))
                .as("% is literal")
                .isEmpty();
    }

    @Test
    void pagesAreStableAndCoverEveryEventOnce() {
        String tag = "p" + System.nanoTime();
        for (int i = 0; i < 120; i++) {
            record(tag + "@acme.test", "acme", "code.sent", "success", "event " + i);
        }
        AuditFilter filter = new AuditFilter(null, tag, null, null, null);
        List<String> seen = new ArrayList<>();
        AuditPage page = audit.page(filter, 0, 50);
        assertThat(page.entries()).hasSize(50);
        assertThat(page.hasNext()).isTrue();
        seen.addAll(page.entries().stream().map(AuditEntry::detail).toList());
        page = audit.page(filter, 1, 50);
        assertThat(page.hasNext()).isTrue();
        seen.addAll(page.entries().stream().map(AuditEntry::detail).toList());
        page = audit.page(filter, 2, 50);
        assertThat(page.entries()).hasSize(20);
        assertThat(page.hasNext()).isFalse();
        seen.addAll(page.entries().stream().map(AuditEntry::detail).toList());
        assertThat(seen).hasSize(120).doesNotHaveDuplicates();
        assertThat(seen.get(0)).isEqualTo("event 119");
    }

    @Test
    void csvExportHasAHeaderAndOneEscapedLinePerEvent() {
        String tag = "c" + System.nanoTime();
        record(tag + "@acme.test", "acme", "signin.password", "failure", "plain");
        record(tag + "@acme.test", "acme", "signin.password", "failure", "comma, \"quote\"\nand a new line");
        record(tag + "@acme.test", "acme", "signin.password", "failure", "=HYPERLINK(\"http://evil\")");

        Browser browser = signedInAdmin();
        Page csv = browser.get("/admin/audit.csv?user=" + tag);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition").orElse("")).contains("attachment");
        List<List<String>> rows = parse(csv.body());
        assertThat(rows.get(0))
                .containsExactly(
                        "time",
                        "event",
                        "outcome",
                        "site",
                        "user_id",
                        "user",
                        "factor",
                        "actor",
                        "ip",
                        "user_agent",
                        "detail");
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(1, 4)).allSatisfy(r -> assertThat(r).hasSize(11));
        Set<String> details = new HashSet<>();
        rows.subList(1, 4).forEach(r -> details.add(r.get(10)));
        assertThat(details)
                .containsExactlyInAnyOrder("plain", "comma, \"quote\"\nand a new line", "'=HYPERLINK(\"http://evil\")");

        Page page = browser.get("/admin/audit?user=" + tag);
        assertThat(page.document().select("#audit-table tbody tr")).hasSize(3);
        assertThat(browser.get("/admin/audit?from=yesterday").status()).isEqualTo(400);
        assertThat(browser.get("/admin/audit?type=drop%20table").status()).isEqualTo(400);
    }

    private void record(String username, String realm, String type, String outcome, String detail) {
        audit.record(
                new AuditEntry(null, type, outcome, realm, null, username, null, null, "127.0.0.1", "test", detail));
    }

    private List<String> types(AuditFilter filter) {
        return audit.page(filter, 0, 50).entries().stream()
                .map(AuditEntry::type)
                .toList();
    }

    private Browser signedInAdmin() {
        return SignInSteps.admin(port, testUsers.admin().email(), TestUsers.PASSWORD, 1);
    }

    /** A strict RFC 4180 reader, so the test does not trust the writer's own idea of CSV. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
