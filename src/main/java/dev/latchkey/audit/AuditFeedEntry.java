package dev.latchkey.audit;

/** One event of the audit feed ({@link AuditLog#feed}) with its position: {@code id} grows with every event written. */
public record AuditFeedEntry(long id, AuditEntry entry) {}
