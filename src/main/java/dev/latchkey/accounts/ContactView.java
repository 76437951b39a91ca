package dev.latchkey.accounts;

/**
 * A contact person on an account; {@code portalUserId} is set once they were promoted. {@code externalId} is the back
 * office's own id (or null); {@code version} grows with every change (the API's ETag).
 */
public record ContactView(
        long id,
        long accountId,
        String name,
        String email,
        String phone,
        Long portalUserId,
        String externalId,
        long version) {}
