package dev.latchkey.accounts;

/** What an upsert by external id did. */
public enum UpsertOutcome {
    /** No row had the external id: one was created. */
    CREATED,
    /** The row with the external id was changed. */
    UPDATED,
    /** The row with the external id already was as given: nothing was written, its version stayed. */
    UNCHANGED
}
