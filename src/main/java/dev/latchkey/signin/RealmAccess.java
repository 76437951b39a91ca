package dev.latchkey.signin;

import dev.latchkey.sites.Realm;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Grants a request only to a principal of the realm its path names: a session signed in to one site is not signed in to
 * another, and no portal user reaches {@code /admin/}.
 */
final class RealmAccess implements AuthorizationManager<RequestAuthorizationContext> {

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        if (auth == null || !auth.isAuthenticated() || !(auth.getPrincipal() instanceof LatchkeyPrincipal principal)) {
            return new AuthorizationDecision(false);
        }
        String wanted = RealmPaths.realmKey(context.getRequest()).orElse("");
        boolean granted = principal.realm().equals(wanted) && (!Realm.ADMIN_KEY.equals(wanted) || principal.isAdmin());
        return new AuthorizationDecision(granted);
    }
}
