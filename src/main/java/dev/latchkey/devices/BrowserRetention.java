package dev.latchkey.devices;

import dev.latchkey.shared.RetentionProperties;
import dev.latchkey.shared.RetentionPurge;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** F-OPS-4: a remembered browser's row goes once it expired; it can never skip anything again. */
@Component
class BrowserRetention implements RetentionPurge {

    private final BrowserStore store;

    BrowserRetention(BrowserStore store) {
        this.store = store;
    }

    @Override
    public String what() {
        return "expired remembered browsers";
    }

    @Override
    public Duration keptFor(RetentionProperties retention) {
        return Duration.ZERO;
    }

    @Override
    public int deleteEndedBefore(Instant cutoff) {
        return store.deleteExpiredBefore(cutoff);
    }
}
