package dev.latchkey.mfa.code;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import dev.latchkey.shared.Purges;
import dev.latchkey.shared.RetentionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * F-OPS-4: email and SMS codes go {@code latchkey.retention.codes} after their expiry. The send throttle counts a
 * user's codes of the last {@code send-window}, so a code is never removed before that window has passed either.
 */
@Component
class CodeRetention {

    private static final Logger log = LoggerFactory.getLogger(CodeRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration keep;

    CodeRetention(JdbcClient jdbc, Clock clock, RetentionProperties retention, CodeProperties codes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keep = retention.codes().compareTo(codes.sendWindow()) < 0 ? codes.sendWindow() : retention.codes();
    }

    @Scheduled(
            fixedDelayString = "${latchkey.retention.interval:PT1H}",
            initialDelayString = "${latchkey.retention.interval:PT1H}")
    void purge() {
        Instant cutoff = clock.instant().minus(keep);
        // every code is dead from its expiry on, whatever ended it earlier, so the expiry alone decides
        int removed = Purges.delete(jdbc, "one_time_code", "id", "expires_at < ?", Timestamp.from(cutoff));
        Purges.logRemoved(log, removed, "one-time codes", cutoff);
    }
}
