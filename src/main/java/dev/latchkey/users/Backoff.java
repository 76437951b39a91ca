package dev.latchkey.users;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Growing delays: the first {@code free} failures cost nothing, then each further failure doubles the wait before the
 * next attempt (1 s, 2 s, 4 s, …) up to {@code cap}. No lock-out: a victim's account stays usable once the attacker
 * stops, and the wait never depends on whether a password was right.
 */
public record Backoff(int free, Duration cap) {

    /** Until when attempts are refused after {@code failures} failures, the last at {@code last}. */
    public Optional<Instant> blockedUntil(int failures, Instant last, Instant now) {
        if (failures < free || last == null) {
            return Optional.empty();
        }
        int doublings = Math.min(failures - free, 30);
        Duration wait = Duration.ofSeconds(1L << doublings);
        Instant until = last.plus(wait.compareTo(cap) > 0 ? cap : wait);
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }
}
