package dev.latchkey.shared;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a retention purge (F-OPS-4) as a series of small deletes. Each module names its own table and its own condition
 * for an ended row; a batch reads the first {@link #BATCH} matching keys, in key order, and deletes the matching rows
 * up to the last of them: {@code DELETE FROM t WHERE <ended before the cutoff> AND key <= ?}. That is idempotent, so
 * every node may run it at the same time; each batch is its own short transaction, so a large backlog never holds many
 * locks for long; and both statements use plain SQL that runs unchanged on H2 and PostgreSQL.
 */
public final class Purges {

    /** The most rows one delete statement is meant to remove. */
    public static final int BATCH = 1000;

    private static final int CONFLICTS_TOLERATED = 5;

    private Purges() {}

    /**
     * Deletes every row of {@code table} that matches {@code ended}, in batches; answers how many went. Two nodes
     * deleting the same rows may make the database give up one statement (a lock timeout or a deadlock); that batch is
     * simply run again, since it only deletes what is left.
     *
     * @param key a unique, ordered column (the primary key)
     * @param ended a condition with {@code ?} placeholders for {@code params}; only ever true of ended rows
     */
    public static int delete(JdbcClient jdbc, String table, String key, String ended, Object... params) {
        String select = "select " + key + " from " + table + " where " + ended + " order by " + key + " limit " + BATCH;
        String delete = "delete from " + table + " where " + ended + " and " + key + " <= ?";
        int total = 0;
        int conflicts = 0;
        while (true) {
            try {
                List<Object> keys = jdbc.sql(select)
                        .params(params)
                        .query((rs, n) -> rs.getObject(1))
                        .list();
                if (keys.isEmpty()) {
                    return total;
                }
                List<Object> bounded = new ArrayList<>(List.of(params));
                bounded.add(keys.get(keys.size() - 1));
                total += jdbc.sql(delete).params(bounded).update();
                if (keys.size() < BATCH) {
                    return total;
                }
            } catch (TransientDataAccessException conflict) {
                if (++conflicts > CONFLICTS_TOLERATED) {
                    throw conflict;
                }
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
