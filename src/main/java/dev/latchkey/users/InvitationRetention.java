package dev.latchkey.users;

import java.time.Clock;
import java.time.Instant;
import dev.latchkey.shared.Purges;
import dev.latchkey.shared.RetentionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * F-OPS-4: invitation, password-reset and email-confirmation links ({@link InvitationStore}) go
 * {@code latchkey.retention.invitations} after their expiry, used or not. A removed link's page answers as for any
 * expired link.
 */
@Component
class InvitationRetention {

    private static final Logger log = LoggerFactory.getLogger(InvitationRetention.class);

    private final InvitationStore store;
    private final Clock clock;
    private final RetentionProperties retention;

    InvitationRetention(InvitationStore store, Clock clock, RetentionProperties retention) {
        this.store = store;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(
            fixedDelayString = "${latchkey.retention.interval:PT1H}",
            initialDelayString = "${latchkey.retention.interval:PT1H}")
    void purge() {
        Instant cutoff = clock.instant().minus(retention.invitations());
        int removed = store.deleteExpiredBefore(cutoff);
        Purges.logRemoved(log, removed, "invitation, reset and confirmation links", cutoff);
    }
}
