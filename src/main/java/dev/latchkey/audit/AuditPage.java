package dev.latchkey.audit;

import java.util.List;

/** One page of the audit log, newest first. */
public record AuditPage(List<AuditEntry> entries, int page, boolean hasNext) {}
