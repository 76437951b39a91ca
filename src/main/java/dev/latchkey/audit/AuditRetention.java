package dev.latchkey.audit;

import java.time.Clock;
import java.time.Instant;
import dev.latchkey.shared.Purges;
import dev.latchkey.shared.RetentionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * F-OPS-4: the audit log keeps every event for {@code latchkey.retention.audit} (400 days by default), then lets it
 * go by age alone: no type is kept longer or dropped sooner than another.
 */
@Component
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditQueries queries;
    private final Clock clock;
    private final RetentionProperties retention;

    AuditRetention(AuditQueries queries, Clock clock, RetentionProperties retention) {
        this.queries = queries;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(
            fixedDelayString = "${latchkey.retention.interval:PT1H}",
            initialDelayString = "${latchkey.retention.interval:PT1H}")
    void purge() {
        Instant cutoff = clock.instant().minus(retention.audit());
        int removed = queries.deleteBefore(cutoff);
        Purges.logRemoved(log, removed, "audit events", cutoff);
    }
}
