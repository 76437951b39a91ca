package dev.latchkey.tokens;

/** A system admin ({@code actor}) revoked an API token; published once, by the revocation that took effect. */
public record ApiTokenRevoked(long tokenId, String name, String actor) {}
