package dev.latchkey.tokens;

import java.util.Set;

/** A token that authenticated a call: not revoked, not expired. */
public record ValidToken(long id, String name, Set<TokenScope> scopes) {

    public ValidToken {
        scopes = Set.copyOf(scopes);
    }
}
