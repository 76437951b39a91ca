package dev.latchkey.signin;

import java.time.Clock;
import java.time.Instant;
import dev.latchkey.shared.Purges;
import dev.latchkey.shared.RetentionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * F-OPS-4: password throttle rows ({@link LoginThrottle}) go {@code latchkey.retention.throttles} after their last
 * failure (an hour by default, when they stop counting). Ended sessions are removed by Spring Session itself, every
 * minute ({@code spring.session.jdbc.cleanup-cron}); the attributes of a removed session go with it.
 */
@Component
class ThrottleRetention {

    private static final Logger log = LoggerFactory.getLogger(ThrottleRetention.class);

    private final LoginThrottle throttle;
    private final Clock clock;
    private final RetentionProperties retention;

    ThrottleRetention(LoginThrottle throttle, Clock clock, RetentionProperties retention) {
        this.throttle = throttle;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(
            fixedDelayString = "${latchkey.retention.interval:PT1H}",
            initialDelayString = "${latchkey.retention.interval:PT1H}")
    void purge() {
        Instant cutoff = clock.instant().minus(retention.throttles());
        int removed = throttle.forgetQuietRows(cutoff);
        Purges.logRemoved(log, removed, "password throttle rows", cutoff);
    }
}
