package dev.latchkey.shared;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long ended rows are kept before the scheduled purges remove them (F-OPS-4, {@code latchkey.retention.*}). Each
 * table's rule lives in the module that owns the table; this record only holds the periods, so that they are configured
 * and documented in one place. A period counts from the moment a row stopped mattering (a code's expiry, a message's
 * sending), never from its creation, and no purge ever touches a live row.
 *
 * @param audit how long audit events are kept after they happened (default 400 days)
 * @param codes how long email and SMS codes are kept after their expiry (default 1 day; never less than the send window
 *     of {@code latchkey.mfa.codes}, whose throttle counts them)
 * @param outbox how long sent and finally failed outbox messages are kept (default 7 days)
 * @param invitations how long invitation, password-reset and email-confirmation links are kept after their expiry
 *     (default 30 days); a used or replaced link ended before it expired
 * @param throttles how long a password throttle row is kept after its last failure (default 1 hour; never less than the
 *     hour after which a throttle forgets its count)
 * @param interval how often each node runs the purges (default every hour, the first an interval after start)
 */
@ConfigurationProperties("latchkey.retention")
public record RetentionProperties(
        Duration audit, Duration codes, Duration outbox, Duration invitations, Duration throttles, Duration interval) {

    public RetentionProperties {
        audit = positive(audit, Duration.ofDays(400), "audit");
        codes = positive(codes, Duration.ofDays(1), "codes");
        outbox = positive(outbox, Duration.ofDays(7), "outbox");
        invitations = positive(invitations, Duration.ofDays(30), "invitations");
        throttles = positive(throttles, Duration.ofHours(1), "throttles");
        interval = positive(interval, Duration.ofHours(1), "interval");
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("latchkey.retention." + name + " must be a positive duration");
        }
        return value;
    }
}
