package dev.latchkey.audit;

import dev.latchkey.shared.RetentionProperties;
import dev.latchkey.shared.RetentionPurge;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * F-OPS-4: the audit log keeps every event for {@code latchkey.retention.audit} (400 days by default), then lets it go
 * by age alone: no type is kept longer or dropped sooner than another.
 */
@Component
class AuditRetention implements RetentionPurge {

    private final AuditQueries queries;

    AuditRetention(AuditQueries queries) {
        this.queries = queries;
    }

    @Override
    public String what() {
        return "audit events";
    }

    @Override
    public Duration keptFor(RetentionProperties retention) {
        return retention.audit();
    }

    @Override
    public int deleteEndedBefore(Instant cutoff) {
        return queries.deleteBefore(cutoff);
    }
}
