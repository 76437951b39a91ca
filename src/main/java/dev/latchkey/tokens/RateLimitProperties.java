package dev.latchkey.tokens;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code latchkey.api.rate-per-minute}: how many calls one token may make per minute (default 600). */
@ConfigurationProperties("latchkey.api")
record RateLimitProperties(@DefaultValue("600") int ratePerMinute) {

    RateLimitProperties {
        if (ratePerMinute < 1) {
            throw new IllegalArgumentException("latchkey.api.rate-per-minute: 1 or more");
        }
    }
}
