package dev.latchkey.signin;

import dev.latchkey.shared.RetentionProperties;
import dev.latchkey.shared.RetentionPurge;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * F-OPS-4: password throttle rows ({@link LoginThrottle}) go {@code latchkey.retention.throttles} after their last
 * failure (an hour by default, when they stop counting). Ended sessions are removed by Spring Session itself, every
 * minute ({@code spring.session.jdbc.cleanup-cron}); the attributes of a removed session go with it.
 */
@Component
class ThrottleRetention implements RetentionPurge {

    private final LoginThrottle throttle;

    ThrottleRetention(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public String what() {
        return "password throttle rows";
    }

    @Override
    public Duration keptFor(RetentionProperties retention) {
        return retention.throttles();
    }

    @Override
    public int deleteEndedBefore(Instant cutoff) {
        return throttle.forgetQuietRows(cutoff);
    }
}
