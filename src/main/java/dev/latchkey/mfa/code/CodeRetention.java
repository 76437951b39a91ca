package dev.latchkey.mfa.code;

import dev.latchkey.shared.Purges;
import dev.latchkey.shared.RetentionProperties;
import dev.latchkey.shared.RetentionPurge;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * F-OPS-4: email and SMS codes go {@code latchkey.retention.codes} after their expiry. The send throttle counts a
 * user's codes of the last {@code send-window}, so a code is never removed before that window has passed either.
 */
@Component
class CodeRetention implements RetentionPurge {

    private final JdbcClient jdbc;
    private final CodeProperties codes;

    CodeRetention(JdbcClient jdbc, CodeProperties codes) {
        this.jdbc = jdbc;
        this.codes = codes;
    }

    @Override
    public String what() {
        return "one-time codes";
    }

    @Override
    public Duration keptFor(RetentionProperties retention) {
        return retention.codes().compareTo(codes.sendWindow()) < 0 ? codes.sendWindow() : retention.codes();
    }

    @Override
    public int deleteEndedBefore(Instant cutoff) {
        // every code is dead from its expiry on, whatever ended it earlier, so the expiry alone decides
        return Purges.delete(jdbc, "one_time_code", "id", "expires_at < ?", Timestamp.from(cutoff));
    }
}
