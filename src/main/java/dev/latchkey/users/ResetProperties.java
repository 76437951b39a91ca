package dev.latchkey.users;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * "Forgot password?" (F-ACCOUNT-1), {@code latchkey.password-reset.*}: how long the emailed link works (default 30
 * minutes), how many links one account may be sent per hour (default 3) and how many requests one client network may
 * make per 15 minutes (default 10).
 */
@ConfigurationProperties("latchkey.password-reset")
record ResetProperties(
        @DefaultValue("PT30M") Duration linkLifetime,
        @DefaultValue("3") int perAccount,
        @DefaultValue("10") int perAddress) {

    public ResetProperties {
        if (linkLifetime.compareTo(Duration.ofMinutes(1)) < 0 || linkLifetime.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("latchkey.password-reset.link-lifetime: from PT1M to PT24H");
        }
        if (perAccount < 1 || perAddress < 1) {
            throw new IllegalArgumentException("latchkey.password-reset.per-account and per-address: 1 or more");
        }
    }
}
