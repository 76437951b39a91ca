package dev.latchkey.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.shared.RetentionSchedule;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.Purging;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * F-OPS-4: the audit log keeps every event for 400 days, of every type alike, then lets it go; paging and the CSV
 * export keep working while the oldest events are removed.
 */
@IntegrationTest
class AuditRetentionIntegrationTests {

    private static final Duration KEPT = Duration.ofDays(400);

    @Autowired
    AuditRetention retention;

    @Autowired
    RetentionSchedule schedule;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate template;

    @Autowired
    MutableClock clock;

    @Autowired
    ScheduledTaskHolder scheduler;

    private final String tag = "retention-" + System.nanoTime();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eventsOfEveryTypeGoAfter400DaysAndYoungerOnesStay() {
        for (String type : AuditLog.TYPES) {
            record(null, type, "old");
        }
        clock.advance(KEPT.plusMinutes(1));
        record(clock.instant().minus(Duration.ofDays(399)), "signin.password", "399 days old");
        record(null, "admin.locked", "new");

        schedule.run(retention);

        assertThat(details(filter())).containsExactly("new", "399 days old");
    }

    @Test
    void pagesAndTheExportStayWholeWhileOldEventsGo() throws Exception {
        for (int i = 0; i < 30; i++) {
            record(null, "code.sent", "old " + i);
        }
        clock.advance(KEPT.plusMinutes(1));
        for (int i = 0; i < 120; i++) {
            record(null, "code.sent", "young " + i);
        }
        Set<String> seen = new HashSet<>(details(audit.page(filter(), 0, 50)));
        schedule.run(retention);
        AuditPage second = audit.page(filter(), 1, 50);
        AuditPage third = audit.page(filter(), 2, 50);
        seen.addAll(details(second));
        seen.addAll(details(third));
        assertThat(third.hasNext()).isFalse();
        assertThat(seen).hasSize(120).allMatch(d -> d.startsWith("young"));

        for (int i = 0; i < 30; i++) {
            record(clock.instant().minus(KEPT).minusSeconds(60 + i), "code.sent", "old again " + i);
        }
        List<String> exported = new ArrayList<>();
        audit.export(filter(), entry -> {
            if (exported.isEmpty()) {
                // a purge on another node while the export streams
                CompletableFuture.runAsync(() -> schedule.run(retention)).join();
            }
            exported.add(entry.detail());
        });
        assertThat(exported.stream().filter(d -> d.startsWith("young")).toList())
                .as("every young event, newest first")
                .hasSize(120)
                .startsWith("young 119", "young 118")
                .containsAll(seen);
    }

    @Test
    void aPurgeRunTwiceAndOnTwoNodesAtOnceRemovesEachOldEventOnceWithoutErrors() throws Exception {
        Timestamp at = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(new Object[] {at, tag + "@acme.test", "bulk " + i});
        }
        template.batchUpdate(
                "insert into audit_event (occurred_at, type, outcome, realm, username, detail)"
                        + " values (?, 'code.sent', 'success', 'acme', ?, ?)",
                rows);
        clock.advance(KEPT.plusDays(1));
        record(null, "code.sent", "new");

        Purging.onTwoThreadsAtOnce(() -> schedule.run(retention));
        schedule.run(retention);

        assertThat(details(filter())).containsExactly("new");
    }

    @Test
    void thePurgeRunsOnTheRetentionInterval() {
        assertThat(Purging.scheduledDelay(scheduler, RetentionSchedule.class, "purgeAll"))
                .isEqualTo(Duration.ofHours(1));
        assertThat(schedule.purges()).as("the schedule runs this purge").contains(retention);
    }

    private void record(Instant at, String type, String detail) {
        audit.record(new AuditEntry(
                at, type, "success", "acme", null, tag + "@acme.test", null, null, "127.0.0.1", "test", detail));
    }

    private AuditFilter filter() {
        return new AuditFilter(null, tag, null, null, null);
    }

    private List<String> details(AuditFilter filter) {
        return details(audit.page(filter, 0, 500));
    }

    private static List<String> details(AuditPage page) {
        return page.entries().stream().map(AuditEntry::detail).toList();
    }
}
