package dev.latchkey.tokens;

import java.time.Instant;
import java.util.Set;

/** A token as the admin page lists it; never its secret or hash. {@code lastUsedAt} is null when never used. */
public record ApiTokenView(
        long id,
        String name,
        Set<TokenScope> scopes,
        Instant createdAt,
        String createdBy,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt,
        String revokedBy) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
