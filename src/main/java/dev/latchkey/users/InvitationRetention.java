package dev.latchkey.users;

import dev.latchkey.shared.RetentionProperties;
import dev.latchkey.shared.RetentionPurge;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * F-OPS-4: invitation, password-reset and email-confirmation links ({@link InvitationStore}) go
 * {@code latchkey.retention.invitations} after their expiry, used or not. A removed link's page answers as for any
 * expired link.
 */
@Component
class InvitationRetention implements RetentionPurge {

    private final InvitationStore store;

    InvitationRetention(InvitationStore store) {
        this.store = store;
    }

    @Override
    public String what() {
        return "invitation, reset and confirmation links";
    }

    @Override
    public Duration keptFor(RetentionProperties retention) {
        return retention.invitations();
    }

    @Override
    public int deleteEndedBefore(Instant cutoff) {
        return store.deleteExpiredBefore(cutoff);
    }
}
