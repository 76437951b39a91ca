package dev.latchkey.api;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An API call authenticated by a token: the principal is the {@link ApiCaller}, the authorities its scopes. */
final class ApiAuthentication extends AbstractAuthenticationToken {

    private final ApiCaller caller;

    ApiAuthentication(ApiCaller caller) {
        super(caller.scopes().stream()
                .map(scope -> new SimpleGrantedAuthority(scope.authority()))
                .toList());
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public ApiCaller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.name();
    }
}
