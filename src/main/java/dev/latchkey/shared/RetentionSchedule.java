package dev.latchkey.shared;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every module's {@link RetentionPurge} every {@code latchkey.retention.interval} on each node (F-OPS-4), the
 * first one interval after start. The cutoff comes from the application's clock, never the database's. One failing
 * purge is logged in one line and does not stop the others; the next run retries it.
 */
@Component
public class RetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final List<RetentionPurge> purges;
    private final Clock clock;
    private final RetentionProperties retention;

    RetentionSchedule(List<RetentionPurge> purges, Clock clock, RetentionProperties retention) {
        this.purges = List.copyOf(purges);
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(
            fixedDelayString = "${latchkey.retention.interval:PT1H}",
            initialDelayString = "${latchkey.retention.interval:PT1H}")
    void purgeAll() {
        for (RetentionPurge purge : purges) {
            try {
                run(purge);
            } catch (RuntimeException ex) {
                log.warn("Retention: purging {} failed; the next run retries: {}", purge.what(), ex.toString());
            }
        }
    }

    /** Runs one purge now, with the cutoff its retention period gives; answers how many rows went. */
    public int run(RetentionPurge purge) {
        Instant cutoff = clock.instant().minus(purge.keptFor(retention));
        int removed = purge.deleteEndedBefore(cutoff);
        Purges.logRemoved(log, removed, purge.what(), cutoff);
        return removed;
    }

    /** The purges this schedule runs. */
    public List<RetentionPurge> purges() {
        return purges;
    }
}
