package dev.latchkey.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import dev.latchkey.shared.Purges;
import dev.latchkey.shared.RetentionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * F-OPS-4: sent and finally failed outbox messages go {@code latchkey.retention.outbox} after they ended. A failed
 * message still holds its encrypted body (a code, a link), so it should not stay forever either.
 */
@Component
class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RetentionProperties retention;

    OutboxRetention(JdbcClient jdbc, Clock clock, RetentionProperties retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(
            fixedDelayString = "${latchkey.retention.interval:PT1H}",
            initialDelayString = "${latchkey.retention.interval:PT1H}")
    void purge() {
        Instant cutoff = clock.instant().minus(retention.outbox());
        // a pending message, claimed or not, is never touched; a failed one's next_attempt_at is just after its
        // last attempt
        Timestamp at = Timestamp.from(cutoff);
        int removed = Purges.delete(jdbc, "outbox_message", "id",
                "((status = 'SENT' and sent_at < ?) or (status = 'FAILED' and next_attempt_at < ?))", at, at);
        Purges.logRemoved(log, removed, "sent or failed outbox messages", cutoff);
    }
}
