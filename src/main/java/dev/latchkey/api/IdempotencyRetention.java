package dev.latchkey.api;

import dev.latchkey.shared.Purges;
import dev.latchkey.shared.RetentionProperties;
import dev.latchkey.shared.RetentionPurge;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** F-OPS-4: an idempotency key and its stored answer go 24 hours after the first request (F-API-1). */
@Component
class IdempotencyRetention implements RetentionPurge {

    private final JdbcClient jdbc;

    IdempotencyRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String what() {
        return "API idempotency keys";
    }

    @Override
    public Duration keptFor(RetentionProperties retention) {
        return Idempotency.KEPT;
    }

    @Override
    public int deleteEndedBefore(Instant cutoff) {
        return Purges.delete(jdbc, "api_idempotency", "id", "created_at < ?", Timestamp.from(cutoff));
    }
}
