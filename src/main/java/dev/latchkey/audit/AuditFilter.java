package dev.latchkey.audit;

import java.time.Instant;

/**
 * What the audit log is filtered by; null fields do not filter. {@code user} matches part of the user's email or
 * of the acting admin's email, ignoring case.
 */
public record AuditFilter(String realm, String user, String type, Instant from, Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
