package dev.latchkey.api;

import dev.latchkey.tokens.ValidToken;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who makes an API call: the token's id, name and scopes. Controllers take it as {@code @AuthenticationPrincipal
 * ApiCaller caller} and pass {@link #actor()} to the services they call, so audit rows name the token.
 */
public record ApiCaller(long tokenId, String name, Set<ApiScope> scopes) {

    public ApiCaller {
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    static ApiCaller of(ValidToken token) {
        return new ApiCaller(
                token.id(),
                token.name(),
                token.scopes().stream().map(ApiScope::of).collect(Collectors.toSet()));
    }

    /** The actor string services record, e.g. {@code api-token:nightly-sync}. */
    public String actor() {
        return dev.latchkey.tokens.ApiTokens.actorOf(name);
    }

    public boolean has(ApiScope scope) {
        return scopes.contains(scope);
    }
}
