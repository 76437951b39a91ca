package dev.latchkey.users;

import dev.latchkey.shared.Purges;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * F-ACCOUNT-1: how many "Forgot password?" requests a key (a client network, an account) may make in a fixed window, in
 * the database so every node and a restart see the same counts. Each request is counted by one conditional update, so
 * of simultaneous requests never more than the limit get through, on any number of nodes. Runs without a surrounding
 * transaction: a lost insert race is retried, which PostgreSQL allows only outside one.
 */
@Component
class ResetThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;

    ResetThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Counts one request of {@code key} and answers empty, or answers when its window ends and counts nothing when the
     * window already holds {@code limit} requests.
     */
    Optional<Instant> take(String key, int limit, Duration window) {
        for (int round = 0; round < 5; round++) {
            Instant now = clock.instant();
            Timestamp windowBegan = Timestamp.from(now.minus(window));
            if (jdbc.sql("update reset_throttle set requests = requests + 1 where throttle_key = ? and window_start > ?"
                                    + " and requests < ?")
                            .params(key, windowBegan, limit)
                            .update()
                    == 1) {
                return Optional.empty();
            }
            if (jdbc.sql("update reset_throttle set requests = 1, window_start = ? where throttle_key = ?"
                                    + " and window_start <= ?")
                            .params(Timestamp.from(now), key, windowBegan)
                            .update()
                    == 1) {
                return Optional.empty();
            }
            Optional<Window> row = jdbc.sql("select window_start, requests from reset_throttle where throttle_key = ?")
                    .param(key)
                    .query((rs, n) -> new Window(rs.getTimestamp(1).toInstant().plus(window), rs.getInt(2)))
                    .optional();
            if (row.isPresent()) {
                if (row.get().requests() >= limit && row.get().endsAt().isAfter(now)) {
                    return Optional.of(row.get().endsAt());
                }
                continue; // a simultaneous request restarted the window, or it ended between the statements
            }
            try {
                jdbc.sql("insert into reset_throttle (throttle_key, window_start, requests) values (?, ?, 1)")
                        .params(key, Timestamp.from(now))
                        .update();
                return Optional.empty();
            } catch (DuplicateKeyException raced) {
                // a simultaneous first request made the row: count against it
            }
        }
        return Optional.of(clock.instant().plusSeconds(1));
    }

    private record Window(Instant endsAt, int requests) {}

    /**
     * F-OPS-4 ({@link ResetThrottleRetention}): deletes the rows whose window began before {@code cutoff}, but never
     * one whose window of up to an hour may still count.
     */
    int forgetEndedWindows(Instant cutoff) {
        Instant stillCounting = clock.instant().minus(PasswordResets.ACCOUNT_WINDOW);
        return Purges.delete(
                jdbc,
                "reset_throttle",
                "throttle_key",
                "window_start < ?",
                Timestamp.from(cutoff.isAfter(stillCounting) ? stillCounting : cutoff));
    }
}
