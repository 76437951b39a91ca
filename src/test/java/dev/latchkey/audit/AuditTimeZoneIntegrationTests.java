package dev.latchkey.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestUsers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * F-ADMIN-5: the audit log's From and Until are read in the reader's time zone (the hidden field {@code tz} that app.js
 * fills), in the page and in the CSV export alike; no zone, an unknown one or an oversized one means UTC, never an
 * error, and the page names the zone it used.
 */
@IntegrationTest
class AuditTimeZoneIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    TestUsers testUsers;

    private String tag;
    private Browser admin;

    @BeforeEach
    void twoEventsAnHourApart() {
        tag = "tz" + System.nanoTime();
        // 10 March 2030: Amsterdam is UTC+1 (summer time starts on 31 March)
        record(Instant.parse("2030-03-10T10:30:00Z"), "first");
        record(Instant.parse("2030-03-10T12:30:00Z"), "second");
        admin = SignInSteps.admin(port, testUsers.admin().email(), TestUsers.PASSWORD, 1);
    }

    @Test
    void fromAndUntilAreReadInTheZoneTheFormSendsAndThePageSaysWhichOne() {
        String amsterdam =
                "/admin/audit?user=" + tag + "&from=2030-03-10T11:00&to=2030-03-10T12:00" + "&tz=Europe/Amsterdam";
        Document page = admin.get(amsterdam).document();
        assertThat(details(page))
                .as("11:00-12:00 in Amsterdam is 10:00-11:00 UTC")
                .containsExactly("first");
        assertThat(page.selectFirst("#audit-zone-name").text()).isEqualTo("Europe/Amsterdam");
        assertThat(page.selectFirst("#audit-filter input[type=hidden][name=tz]").attr("value"))
                .isEqualTo("Europe/Amsterdam");
        String export = page.selectFirst("#audit-export").attr("href");
        assertThat(export).contains("tz=Europe/Amsterdam");
        assertThat(csvDetails(admin.get(export)))
                .as("the export uses the same filter")
                .containsExactly("first");

        Document utc = admin.get("/admin/audit?user=" + tag + "&from=2030-03-10T11:00&to=2030-03-10T12:00")
                .document();
        assertThat(details(utc)).as("without a zone the times are UTC").isEmpty();
        assertThat(utc.selectFirst("#audit-zone-name").text()).isEqualTo("UTC");
        assertThat(utc.selectFirst("#audit-filter input[name=tz]").attr("value"))
                .as("the typed times were read in UTC, so the next filter keeps UTC")
                .isEqualTo("UTC");
        assertThat(csvDetails(admin.get("/admin/audit.csv?user=" + tag + "&from=2030-03-10T12:00&to=2030-03-10T13:00")))
                .containsExactly("second");

        Document newYork = admin.get("/admin/audit?user=" + tag + "&from=2030-03-10T08:00&to=2030-03-10T09:00"
                        + "&tz=America/New_York")
                .document();
        assertThat(details(newYork))
                .as("UTC-4 on that day (summer time since 10 March 02:00)")
                .containsExactly("second");
    }

    @Test
    void aFirstVisitLeavesTheZoneToTheBrowserAndEveryTimeShowsItsUtcText() {
        Document page = admin.get("/admin/audit?user=" + tag).document();
        assertThat(page.selectFirst("#audit-filter input[name=tz]").attr("value"))
                .isEmpty();
        assertThat(page.selectFirst("#audit-zone").text()).contains("UTC");
        assertThat(page.select("#audit-filter label").eachText()).noneMatch(l -> l.contains("UTC"));
        assertThat(page.select("#audit-table time.local-time")).hasSize(2).allSatisfy(time -> {
            assertThat(time.attr("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(time.text()).endsWith(" UTC");
        });
    }

    @Test
    void anUnknownMalformedOrOversizedZoneMeansUtcNeverAnError() {
        for (String zone : List.of(
                "Mars/Olympus_Mons",
                "../../etc/passwd",
                "Europe/Amsterdam'--",
                "<script>",
                "A".repeat(65),
                "Europe/" + "x".repeat(5_000),
                "+25:00",
                " ")) {
            Page page = admin.get("/admin/audit?user=" + tag + "&from=2030-03-10T11:00&to=2030-03-10T12:00&tz="
                    + URLEncoder.encode(zone, StandardCharsets.UTF_8));
            assertThat(page.status())
                    .as("tz %s", zone.length() > 40 ? zone.length() + " characters" : zone)
                    .isEqualTo(200);
            assertThat(page.document().selectFirst("#audit-zone-name").text()).isEqualTo("UTC");
            assertThat(details(page.document())).isEmpty();
            assertThat(admin.get("/admin/audit.csv?user=" + tag + "&tz="
                                    + URLEncoder.encode(zone, StandardCharsets.UTF_8))
                            .status())
                    .isEqualTo(200);
        }
        assertThat(admin.get("/admin/audit?user=" + tag + "&tz=%2B01:00")
                        .document()
                        .selectFirst("#audit-zone-name")
                        .text())
                .as("an offset is a zone too")
                .isEqualTo("+01:00");
    }

    private void record(Instant at, String detail) {
        audit.record(new AuditEntry(
                at,
                "code.sent",
                "success",
                "acme",
                null,
                tag + "@acme.test",
                "email",
                null,
                "127.0.0.1",
                "test",
                detail));
    }

    private static List<String> details(Document page) {
        return page.select("#audit-table tbody tr td:last-child").eachText();
    }

    private static List<String> csvDetails(Page csv) {
        assertThat(csv.status()).isEqualTo(200);
        List<List<String>> rows = AuditLogIntegrationTests.parse(csv.body());
        return rows.subList(1, rows.size()).stream().map(r -> r.get(10)).toList();
    }
}
