package dev.latchkey.users;

import dev.latchkey.shared.RetentionProperties;
import dev.latchkey.shared.RetentionPurge;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** F-OPS-4: "Forgot password?" counters ({@link ResetThrottle}) go with the password throttles' retention. */
@Component
class ResetThrottleRetention implements RetentionPurge {

    private final ResetThrottle throttle;

    ResetThrottleRetention(ResetThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public String what() {
        return "password reset throttle rows";
    }

    @Override
    public Duration keptFor(RetentionProperties retention) {
        return retention.throttles();
    }

    @Override
    public int deleteEndedBefore(Instant cutoff) {
        return throttle.forgetEndedWindows(cutoff);
    }
}
