package dev.latchkey.tokens;

import java.time.Instant;
import java.util.Set;

/** A system admin ({@code actor}) made an API token. */
public record ApiTokenCreated(long tokenId, String name, Set<TokenScope> scopes, Instant expiresAt, String actor) {}
