package dev.latchkey.signin;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * What the sign-in flow keeps in the server-side session: the pending login between the steps, then the signed-in
 * principal. The session id changes at each step, so an id planted before sign-in is worthless after it.
 */
@Component
class SignInSession {

    private final SecurityContextRepository contexts;
    private final CsrfTokenRepository csrfTokens;
    private final RequestCache requestCache;
    private final SignInProperties properties;
    private final Clock clock;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SignInSession(SecurityContextRepository contexts, CsrfTokenRepository csrfTokens, RequestCache requestCache,
            SignInProperties properties, Clock clock) {
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
        this.requestCache = requestCache;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores the pending login under a new session id and a new CSRF token. The session is indexed under the user
     * already, so "end all sessions" (password reset, Delete 2FA setup, lock) also ends half-finished logins.
     */
    void beginSecondStep(HttpServletRequest request, HttpServletResponse response, PendingLogin pending) {
        HttpSession session = request.getSession();
        session.setAttribute(PendingLogin.ATTRIBUTE, pending);
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME,
                pending.realm() + "|" + pending.userId());
        request.changeSessionId();
        csrfTokens.saveToken(null, request, response);
    }

    /** The pending login of this realm, if one exists and has not timed out. */
    Optional<PendingLogin> pending(HttpServletRequest request, Realm realm) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PendingLogin.ATTRIBUTE) instanceof PendingLogin pending)) {
            return Optional.empty();
        }
        if (!pending.realm().equals(realm.key()) || pending.expired(clock.instant(), properties.pendingTimeout())) {
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    void abandon(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PendingLogin.ATTRIBUTE);
            // a signed-in session (step-up) keeps its index; a sign-in that is given up loses it
            if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) == null) {
                session.removeAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME);
            }
        }
    }

    /** The attribute holding when this session last passed a second factor. */
    static final String SECOND_FACTOR_AT = SignInSession.class.getName() + ".secondFactorAt";

    /** Marks the session as having passed a second factor now (sign-in or step-up). */
    void secondFactorPassed(HttpServletRequest request) {
        request.getSession().setAttribute(SECOND_FACTOR_AT, clock.instant());
    }

    /** Ends a step-up: the pending step goes, the session counts as freshly verified. */
    String completeStepUp(HttpServletRequest request, HttpServletResponse response, PendingLogin pending) {
        abandon(request);
        secondFactorPassed(request);
        request.changeSessionId();
        csrfTokens.saveToken(null, request, response);
        return pending.stepUpReturn();
    }

    /**
     * Signs the session in under a new id and answers where to go: the page first asked for when it lies within
     * this realm, otherwise the realm's home.
     */
    String complete(HttpServletRequest request, HttpServletResponse response, Realm realm, UserView user) {
        abandon(request);
        request.changeSessionId();
        LatchkeyPrincipal principal =
                new LatchkeyPrincipal(user.id(), realm.key(), user.email(), user.displayName(), user.adminRole());
        var token = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities(user, realm));
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(token);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        request.getSession().setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME,
                principal.getName());
        csrfTokens.saveToken(null, request, response);
        return targetAfterSignIn(request, response, realm);
    }

    private String targetAfterSignIn(HttpServletRequest request, HttpServletResponse response, Realm realm) {
        String home = realm.basePath() + "/";
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        if (saved == null) {
            return home;
        }
        URI uri;
        try {
            uri = URI.create(saved.getRedirectUrl());
        } catch (IllegalArgumentException malformed) {
            return home;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        boolean inRealm = path.equals(realm.basePath()) || path.startsWith(realm.basePath() + "/");
        if (!inRealm || path.startsWith(realm.basePath() + "/login") || path.contains("..")) {
            return home;
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static List<GrantedAuthority> authorities(UserView user, Realm realm) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (realm.isAdmin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN_" + user.adminRole().name()));
        } else {
            authorities.add(new SimpleGrantedAuthority("ROLE_PORTAL_USER"));
        }
        return authorities;
    }
}
