package dev.latchkey.accounts;

/** A contact person on an account; {@code portalUserId} is set once they were promoted. */
public record ContactView(long id, long accountId, String name, String email, String phone, Long portalUserId) {}
