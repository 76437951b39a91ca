package dev.latchkey.delivery.sms;

import dev.latchkey.shared.SettingsStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The last SMS delivery failure, for the System settings page (F-ADMIN-4): a provider that keeps refusing still counts
 * as configured, so the admin needs to see that it fails. Only a safe summary is kept (when, which {@link SmsProblem},
 * the provider's status and error code), never the provider's text, a number or a secret. In the settings store, so
 * every node records and shows the same.
 */
@Service
public class SmsFailures {

    static final String LAST_FAILURE = "sms.last-failure";
    static final String DELIVERED_SINCE = "sms.delivered-since-failure";

    private final SettingsStore store;
    private final Clock clock;

    SmsFailures(SettingsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The last failure, and when an SMS first went out after it (null while none has). */
    public record LastFailure(Instant at, SmsProblem problem, String providerCode, Instant deliveredSince) {}

    public Optional<LastFailure> last() {
        return store.get(LAST_FAILURE).flatMap(SmsFailures::parse).map(failure -> {
            Instant since = store.get(DELIVERED_SINCE)
                    .map(SmsFailures::instant)
                    .filter(at -> !at.isBefore(failure.at()))
                    .orElse(null);
            return new LastFailure(failure.at(), failure.problem(), failure.providerCode(), since);
        });
    }

    void failed(SmsProblem problem, String providerCode) {
        String code = providerCode == null ? "" : providerCode.replaceAll("[^A-Za-z0-9 ,]", "");
        store.put(LAST_FAILURE, clock.instant().toEpochMilli() + "|" + problem.name() + "|" + code);
    }

    /** An SMS went out: noted once after each failure, so a healthy provider costs no write per message. */
    void delivered() {
        Optional<LastFailure> last = last();
        if (last.isPresent() && last.get().deliveredSince() == null) {
            store.put(DELIVERED_SINCE, Long.toString(clock.instant().toEpochMilli()));
        }
    }

    private static Optional<LastFailure> parse(String stored) {
        String[] parts = stored.split("\\|", 3);
        try {
            return Optional.of(new LastFailure(
                    instant(parts[0]),
                    SmsProblem.valueOf(parts[1]),
                    parts.length > 2 && !parts[2].isBlank() ? parts[2] : null,
                    null));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Instant instant(String millis) {
        return Instant.ofEpochMilli(Long.parseLong(millis));
    }
}
