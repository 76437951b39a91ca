package dev.latchkey.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The outbox's metrics (F-OPS-2). Tags name the channel only, never a recipient. The backlog gauges read the shared
 * table, so every node reports the same deployment-wide figure: aggregate them with {@code max}, not {@code sum}.
 */
@Component
class DeliveryMetrics implements MeterBinder {

    private final OutboxRepository repository;
    private final Clock clock;
    private MeterRegistry meters;

    DeliveryMetrics(OutboxRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.meters = registry;
        Gauge.builder("latchkey.outbox.pending", repository, r -> r.countPending())
                .description("Messages waiting in the outbox, on all nodes")
                .register(registry);
        Gauge.builder("latchkey.outbox.oldest.pending.age", this, DeliveryMetrics::oldestPendingAgeSeconds)
                .description("Age of the oldest message waiting in the outbox (0 when none)")
                .baseUnit("seconds")
                .register(registry);
    }

    private double oldestPendingAgeSeconds() {
        Instant oldest = repository.oldestPendingCreatedAt();
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    /** A message the provider accepted, {@code queued} after it entered the outbox. */
    void sent(Channel channel, Duration queued) {
        if (meters == null) {
            return;
        }
        Timer.builder("latchkey.delivery.latency")
                .description("Time from entering the outbox to acceptance by the SMTP server or SMS provider")
                .tag("channel", tag(channel))
                .register(meters)
                .record(queued.isNegative() ? Duration.ZERO : queued);
    }

    void failed(Channel channel, boolean permanent) {
        if (meters == null) {
            return;
        }
        Counter.builder("latchkey.delivery.failures")
                .description("Failed delivery attempts; final=true when Latchkey gave up on the message")
                .tag("channel", tag(channel))
                .tag("final", Boolean.toString(permanent))
                .register(meters)
                .increment();
    }

    private static String tag(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }
}
