package dev.latchkey.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** F-OPS-4: each purge gets the cutoff of its own period, and one that fails does not stop the others. */
class RetentionScheduleTests {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void eachPurgeGetsItsOwnCutoffAndAFailingOneDoesNotStopTheOthers() {
        List<Instant> cutoffs = new ArrayList<>();
        RetentionPurge failing = purge("failing", RetentionProperties::codes, cutoff -> {
            throw new IllegalStateException("database away");
        });
        RetentionPurge audit = purge("audit events", RetentionProperties::audit, cutoff -> {
            cutoffs.add(cutoff);
            return 3;
        });
        RetentionSchedule schedule = new RetentionSchedule(
                List.of(failing, audit),
                Clock.fixed(NOW, ZoneOffset.UTC),
                new RetentionProperties(null, null, null, null, null, null));

        schedule.purgeAll();

        assertThat(cutoffs).containsExactly(NOW.minus(Duration.ofDays(400)));
        assertThat(schedule.run(audit)).isEqualTo(3);
    }

    interface Delete {
        int apply(Instant cutoff);
    }

    private static RetentionPurge purge(
            String what, java.util.function.Function<RetentionProperties, Duration> period, Delete delete) {
        return new RetentionPurge() {
            @Override
            public String what() {
                return what;
            }

            @Override
            public Duration keptFor(RetentionProperties retention) {
                return period.apply(retention);
            }

            @Override
            public int deleteEndedBefore(Instant cutoff) {
                return delete.apply(cutoff);
            }
        };
    }
}
