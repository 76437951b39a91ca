package dev.latchkey.delivery;

import dev.latchkey.shared.StoredEnum;
import dev.latchkey.shared.StoredEnumColumns;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One row of the outbox. {@code body} is encrypted while pending and removed once sent. {@code status} is null for a
 * value this version does not know ({@link Status}).
 */
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
        Status status,
        int attempts,
        Instant nextAttemptAt,
        Instant claimedUntil,
        String lastError,
        Instant createdAt,
        Instant sentAt) {

    /**
     * Where a message stands ({@code outbox_message.status}), stored by {@link #dbValue()}; the queries of
     * {@link OutboxRepository} and {@link OutboxRetention} name these values in their SQL. Every version so far wrote
     * only these. One this version does not know reads as {@code null} and shows as queued or retrying, as a pending
     * message would; the worker never picks such a row up, because it selects {@code PENDING} rows only.
     */
    enum Status implements StoredEnum {
        /** Waiting to be tried, or tried and waiting for the next try. */
        PENDING("PENDING"),
        SENT("SENT"),
        /** Every try failed. */
        FAILED("FAILED"),
        /** Taken back before it was tried: never sent. */
        WITHDRAWN("WITHDRAWN");

        private final String dbValue;

        Status(String dbValue) {
            this.dbValue = dbValue;
        }

        @Override
        public String dbValue() {
            return dbValue;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Columns {

        @Bean
        StoredEnumColumns outboxStatusColumns() {
            return StoredEnumColumns.of(Status.class);
        }
    }
}
