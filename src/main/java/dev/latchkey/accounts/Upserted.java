package dev.latchkey.accounts;

/** The row after an upsert by external id, and what the upsert did to it. */
public record Upserted<T>(T row, UpsertOutcome outcome) {}
