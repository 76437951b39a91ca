package dev.latchkey.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface OutboxRepository extends ListCrudRepository<OutboxMessage, Long> {

    @Query("select id from outbox_message where status = 'PENDING' and next_attempt_at <= :now"
            + " and (claimed_until is null or claimed_until < :now) order by next_attempt_at limit :limit")
    List<Long> findDue(Instant now, int limit);

    /** Takes a message for this node; of two nodes racing for it, exactly one gets 1. */
    @Modifying
    @Query("update outbox_message set claimed_until = :until where id = :id and status = 'PENDING'"
            + " and (claimed_until is null or claimed_until < :now)")
    int claim(long id, Instant now, Instant until);

    @Modifying
    @Query("update outbox_message set status = 'SENT', sent_at = :now, body = null, claimed_until = null,"
            + " attempts = attempts + 1 where id = :id")
    int markSent(long id, Instant now);

    @Modifying
    @Query("update outbox_message set status = :status, attempts = :attempts, next_attempt_at = :next,"
            + " last_error = :error, claimed_until = null where id = :id and status = 'PENDING'")
    int markFailed(long id, OutboxMessage.Status status, int attempts, Instant next, String error);

    Optional<OutboxMessage> findFirstByReferenceOrderByIdDesc(String reference);

    /** Takes back untried messages no worker holds; a claimed one is left to its worker. */
    @Modifying
    @Query("update outbox_message set status = 'WITHDRAWN', body = null where reference = :reference"
            + " and status = 'PENDING' and attempts = 0 and (claimed_until is null or claimed_until < :now)")
    int withdraw(String reference, Instant now);

    @Query("select count(*) from outbox_message where status = 'PENDING'")
    long countPending();

    @Query("select min(created_at) from outbox_message where status = 'PENDING'")
    Instant oldestPendingCreatedAt();

    /** Gives a claimed message back at once, for a node that stops before sending it. */
    @Modifying
    @Query("update outbox_message set claimed_until = null where id = :id and status = 'PENDING'")
    int release(long id);
}
