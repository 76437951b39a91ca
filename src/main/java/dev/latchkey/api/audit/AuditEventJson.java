package dev.latchkey.api.audit;

import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditFeedEntry;
import java.time.Instant;

/**
 * One audit event over the API: when, what ({@code type}, {@code outcome}), where ({@code realm}: a site's slug or
 * {@code admin}), about whom ({@code userId}, {@code username}), the factor, who did it ({@code actor}: an admin's
 * address or {@code api-token:<name>}), the client's address and browser, and a detail. Never a secret.
 */
record AuditEventJson(
        long id,
        Instant occurredAt,
        String type,
        String outcome,
        String realm,
        Long userId,
        String username,
        String factor,
        String actor,
        String ip,
        String userAgent,
        String detail) {

    static AuditEventJson of(AuditFeedEntry row) {
        AuditEntry e = row.entry();
        return new AuditEventJson(
                row.id(),
                e.occurredAt(),
                e.type(),
                e.outcome(),
                e.realm(),
                e.userId(),
                e.username(),
                e.factor(),
                e.actor(),
                e.ip(),
                e.userAgent(),
                e.detail());
    }
}
