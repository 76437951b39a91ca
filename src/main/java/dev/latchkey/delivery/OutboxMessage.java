package dev.latchkey.delivery;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One row of the outbox. {@code body} is encrypted while pending and removed once sent. */
@Table("outbox_message")
record OutboxMessage(
        @Id Long id,
        Channel channel,
        String recipient,
        String subject,
        String body,
        String reference,
        String realm,
        Long userId,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Instant claimedUntil,
        String lastError,
        Instant createdAt,
        Instant sentAt) {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    /** Taken back before it was tried: never sent. */
    static final String WITHDRAWN = "WITHDRAWN";
}
