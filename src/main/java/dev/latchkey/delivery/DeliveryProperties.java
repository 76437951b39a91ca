package dev.latchkey.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbox tuning ({@code latchkey.delivery.*}).
 *
 * @param pollInterval how often each node looks for due messages (new messages also wake the worker at once)
 * @param firstRetry back-off after the first failure; it doubles with each further failure
 * @param maxRetryDelay the back-off never grows beyond this
 * @param maxAttempts after this many failed attempts a message is marked failed
 * @param claimTimeout how long a node owns a message it is sending before another node may take it over
 * @param mailFrom the From address of every email
 */
@ConfigurationProperties("latchkey.delivery")
record DeliveryProperties(
        Duration pollInterval,
        Duration firstRetry,
        Duration maxRetryDelay,
        int maxAttempts,
        Duration claimTimeout,
        String mailFrom) {

    DeliveryProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        firstRetry = firstRetry == null ? Duration.ofSeconds(5) : firstRetry;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofMinutes(5) : maxRetryDelay;
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        claimTimeout = claimTimeout == null ? Duration.ofMinutes(1) : claimTimeout;
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "Latchkey <no-reply@latchkey.test>" : mailFrom;
    }

    /** The delay before attempt {@code failures + 1}: firstRetry · 2^(failures-1), capped. */
    Duration backoff(int failures) {
        Duration delay = firstRetry.multipliedBy(1L << Math.min(failures - 1, 20));
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
