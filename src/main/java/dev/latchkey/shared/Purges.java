package dev.latchkey.shared;

import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Runs a retention purge as a series of small deletes (F-OPS-4). Each module writes its own statement, a plain
 * {@code DELETE … WHERE id IN (SELECT id … WHERE <ended before the cutoff> ORDER BY id LIMIT BATCH)}: it is
 * idempotent, so every node may run it at the same time, and each batch is its own short transaction, so a large
 * backlog never holds many locks for long. The SQL runs unchanged on H2 and PostgreSQL.
 */
public final class Purges {

    /** The most rows one delete statement removes. */
    public static final int BATCH = 1000;

    private static final int CONFLICTS_TOLERATED = 5;

    private Purges() {}

    /**
     * Calls {@code batch}, which deletes at most {@link #BATCH} rows and answers how many it deleted, until a batch
     * comes back short; answers the total. Two nodes deleting the same rows may make the database give up one of
     * their statements (a lock conflict or a deadlock); that batch is run again, since it only deletes what is left.
     */
    public static int inBatches(IntSupplier batch) {
        int total = 0;
        int conflicts = 0;
        while (true) {
            int deleted;
            try {
                deleted = batch.getAsInt();
            } catch (ConcurrencyFailureException conflict) {
                if (++conflicts > CONFLICTS_TOLERATED) {
                    throw conflict;
                }
                continue;
            }
            total += deleted;
            if (deleted < BATCH) {
                return total;
            }
        }
    }

    /** The one log line of a purge: what went and how many, only when something did. Never a row's content. */
    public static void logRemoved(Logger log, int count, String what, Object cutoff) {
        if (count > 0) {
            log.info("Retention: removed {} {} (ended before {})", count, what, cutoff);
        }
    }
}
