package dev.latchkey.shared;

import java.time.Duration;
import java.time.Instant;

/**
 * One table's retention rule (F-OPS-4), kept by the module that owns the table; {@link RetentionSchedule} runs them
 * all. An implementation deletes only rows that ended before the cutoff (through {@link Purges}), so it is idempotent
 * and safe on every node at once.
 */
public interface RetentionPurge {

    /** What goes, for the log line: "audit events". */
    String what();

    /** How long ended rows are kept, from {@code latchkey.retention.*}. */
    Duration keptFor(RetentionProperties retention);

    /** Deletes the rows that ended before {@code cutoff}; answers how many went. */
    int deleteEndedBefore(Instant cutoff);
}
