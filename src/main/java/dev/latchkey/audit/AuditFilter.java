package dev.latchkey.audit;

import java.time.Instant;
import java.util.Set;

/**
 * What the audit log is filtered by; null fields do not filter. {@code user} matches part of the user's email or of the
 * acting admin's email, ignoring case; {@code realms}, when set, limits a site admin to their sites.
 */
public record AuditFilter(String realm, String user, String type, Instant from, Instant to, Set<String> realms) {

    /** Without a limit on realms (a system admin's view). */
    public AuditFilter(String realm, String user, String type, Instant from, Instant to) {
        this(realm, user, type, from, to, null);
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
