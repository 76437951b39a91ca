package dev.latchkey.delivery;

import dev.latchkey.shared.Purges;
import dev.latchkey.shared.RetentionProperties;
import dev.latchkey.shared.RetentionPurge;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * F-OPS-4: sent, finally failed and withdrawn outbox messages go {@code latchkey.retention.outbox} after they ended. A
 * failed message still holds its encrypted body (a code, a link), so it should not stay forever either.
 */
@Component
class OutboxRetention implements RetentionPurge {

    private final JdbcClient jdbc;

    OutboxRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String what() {
        return "sent, failed or withdrawn outbox messages";
    }

    @Override
    public Duration keptFor(RetentionProperties retention) {
        return retention.outbox();
    }

    @Override
    public int deleteEndedBefore(Instant cutoff) {
        // a pending message, claimed or not, is never touched; a failed one's next_attempt_at is just after its
        // last attempt, a withdrawn one's when it was due
        Timestamp at = Timestamp.from(cutoff);
        return Purges.delete(
                jdbc,
                "outbox_message",
                "id",
                "((status = 'SENT' and sent_at < ?) or (status in ('FAILED', 'WITHDRAWN') and next_attempt_at < ?))",
                at,
                at);
    }
}
