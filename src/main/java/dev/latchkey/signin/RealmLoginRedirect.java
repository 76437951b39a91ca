package dev.latchkey.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Sends a visitor who is not signed in to this realm to the realm's login page, remembering the page they asked for
 * (F-LOGIN-4). Paths outside every realm answer 404.
 */
final class RealmLoginRedirect implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final RequestCache requestCache;

    RealmLoginRedirect(RequestCache requestCache) {
        this.requestCache = requestCache;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        redirect(request, response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        if (ex instanceof CsrfException) {
            Optional<String> realm = RealmPaths.realmKey(request);
            if (realm.isPresent() && request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
                // the form's session is gone: replaced by a simultaneous request of the same browser (the other
                // half of a double submit) or expired. Nothing was changed; the realm's home leads on with whatever
                // cookie the browser kept: the portal when the other half signed it in, else the sign-in page
                response.sendRedirect(request.getContextPath() + RealmPaths.homePath(realm.get()));
                return;
            }
            // a missing or stale form token: nothing was changed, and a redirect would hide why
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Optional<String> realm = RealmPaths.realmKey(request);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null
                && auth.getPrincipal() instanceof LatchkeyPrincipal principal
                && realm.isPresent()
                && realm.get().equals(principal.realm())) {
            // signed in to this realm but not allowed to do this: say so instead of asking to sign in again
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        redirect(request, response);
    }

    private void redirect(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> realm = RealmPaths.realmKey(request);
        if (realm.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if ("GET".equals(request.getMethod())) {
            requestCache.saveRequest(request, response);
        }
        response.sendRedirect(request.getContextPath() + RealmPaths.loginPath(realm.get()));
    }
}
