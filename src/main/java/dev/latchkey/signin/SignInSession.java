package dev.latchkey.signin;

import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * What the sign-in flow keeps in the server-side session: the pending login between the steps, then the signed-in
 * principal.
 *
 * <p>Every step that changes who a session is, or how well it is proven, <em>replaces</em> the session instead of
 * renaming it (F-LOGIN-2). Spring Session renames a session by rewriting its id on the same row, and every request of
 * that session that was already running writes its stale id back when it ends, so a double submit could leave the id
 * from before the step signed in and the winner's new cookie dead. A replacement claims the old row with one
 * conditional delete: of simultaneous requests of one session exactly one deletes it and goes on in a new session (a
 * new row, which the others' late writes cannot reach); the others are told they lost. The id from before the step is
 * then gone for good.
 */
@Component
class SignInSession {

    /** The attribute holding which principal last passed a second factor in this session, and when. */
    static final String SECOND_FACTOR_AT = SignInSession.class.getName() + ".secondFactorAt";

    private static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";

    private final SecurityContextRepository contexts;
    private final CsrfTokenRepository csrfTokens;
    private final RequestCache requestCache;
    private final SignInProperties properties;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SignInSession(
            SecurityContextRepository contexts,
            CsrfTokenRepository csrfTokens,
            RequestCache requestCache,
            SignInProperties properties,
            Clock clock,
            JdbcClient jdbc) {
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
        this.requestCache = requestCache;
        this.properties = properties;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * Starts a sign-in after a right password: a new session that keeps nothing of the old one but the page first asked
     * for, with the pending login in it. A session signed in as someone else ends here (F-LOGIN-2), so a half-finished
     * login can never ride on another user's session.
     *
     * @return false when a simultaneous request of the same session got there first; nothing was changed then
     */
    boolean beginSignIn(HttpServletRequest request, HttpServletResponse response, PendingLogin pending) {
        if (!renew(request, response, SAVED_REQUEST::equals)) {
            return false;
        }
        holder.clearContext();
        HttpSession session = request.getSession();
        session.setAttribute(PendingLogin.ATTRIBUTE, pending);
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, pending.principalName());
        return true;
    }

    /**
     * Stores a further step of the same login (forced set-up after a factor, or a step-up of the signed-in user) in a
     * new session. The session stays indexed under its user, so "end all sessions" (password reset, Delete 2FA setup,
     * lock) also ends half-finished logins; a signed-in session keeps its principal's index.
     *
     * @return false when a simultaneous request of the same session got there first; nothing was changed then
     */
    boolean continueSecondStep(HttpServletRequest request, HttpServletResponse response, PendingLogin pending) {
        if (!renew(request, response, name -> !name.equals(PendingLogin.ATTRIBUTE))) {
            return false;
        }
        HttpSession session = request.getSession();
        session.setAttribute(PendingLogin.ATTRIBUTE, pending);
        if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) == null) {
            session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, pending.principalName());
        }
        return true;
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

    /**
     * Ends a step-up in a new session: the pending step goes, the session counts as freshly verified for its principal.
     *
     * @return where to go, or empty when a simultaneous request of the same session got there first
     */
    Optional<String> completeStepUp(HttpServletRequest request, HttpServletResponse response, PendingLogin pending) {
        if (!renew(request, response, name -> !name.equals(PendingLogin.ATTRIBUTE))) {
            return Optional.empty();
        }
        request.getSession()
                .setAttribute(SECOND_FACTOR_AT, new SecondFactorMark(pending.principalName(), clock.instant()));
        return Optional.of(pending.stepUpReturn());
    }

    /**
     * F-ACCOUNT-2: the same signed-in session under a new id, every attribute kept; false when a simultaneous request
     * of the session replaced it first.
     */
    boolean rotate(HttpServletRequest request, HttpServletResponse response) {
        return renew(request, response, name -> true);
    }

    /**
     * Signs a new session in and answers where to go: the page first asked for when it lies within this realm,
     * otherwise the realm's home. {@code secondFactor} marks the session as having passed a second factor now, for this
     * principal only.
     *
     * @return where to go, or empty when a simultaneous request of the same session got there first
     */
    Optional<String> complete(
            HttpServletRequest request,
            HttpServletResponse response,
            Realm realm,
            UserView user,
            boolean secondFactor) {
        if (!renew(request, response, SAVED_REQUEST::equals)) {
            return Optional.empty();
        }
        LatchkeyPrincipal principal =
                new LatchkeyPrincipal(user.id(), realm.key(), user.email(), user.displayName(), user.adminRole());
        var token = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities(user, realm));
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(token);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        HttpSession session = request.getSession();
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, principal.getName());
        // for the user's list of their sessions (F-ACCOUNT-4); a step-up's new session keeps it
        session.setAttribute(SessionClient.ATTRIBUTE, SessionClient.of(ClientInfo.of(request), clock.instant()));
        if (secondFactor) {
            session.setAttribute(SECOND_FACTOR_AT, new SecondFactorMark(principal.getName(), clock.instant()));
        }
        return Optional.of(targetAfterSignIn(request, response, realm));
    }

    /**
     * Whether a simultaneous request of this session replaced it while this one ran (the winner of a double submit):
     * then this request's answer is not the one that counts.
     */
    boolean replacedMeanwhile(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null
                && !session.isNew()
                && jdbc.sql("select count(*) from spring_session where session_id = ?")
                                .param(session.getId())
                                .query(Long.class)
                                .single()
                        == 0;
    }

    /** When {@code principal} last passed a second factor in this session; never another principal's. */
    Optional<Instant> secondFactorPassedAt(HttpServletRequest request, LatchkeyPrincipal principal) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SECOND_FACTOR_AT) instanceof SecondFactorMark mark)) {
            return Optional.empty();
        }
        return mark.principal().equals(principal.getName()) ? Optional.of(mark.at()) : Optional.empty();
    }

    /**
     * Replaces this request's session by a new one holding the attributes {@code keep} names. The old session's row is
     * claimed with a conditional delete first, so of simultaneous requests of one session only one gets here.
     */
    private boolean renew(HttpServletRequest request, HttpServletResponse response, Predicate<String> keep) {
        HttpSession old = request.getSession(false);
        Map<String, Object> kept = new HashMap<>();
        if (old != null) {
            for (String name : Collections.list(old.getAttributeNames())) {
                if (keep.test(name)) {
                    kept.put(name, old.getAttribute(name));
                }
            }
            boolean claimed = old.isNew()
                    || jdbc.sql("delete from spring_session where session_id = ?")
                                    .param(old.getId())
                                    .update()
                            == 1;
            if (!claimed) {
                return false;
            }
            old.invalidate();
        }
        HttpSession fresh = request.getSession(true);
        kept.forEach(fresh::setAttribute);
        csrfTokens.saveToken(null, request, response);
        return true;
    }

    /** Who passed a second factor in a session, and when (step-up: it never counts for another principal). */
    record SecondFactorMark(String principal, Instant at) implements Serializable {}

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

    /**
     * One authority, the principal's role: {@code ROLE_ADMIN_SYSTEM}, which the admin site's method security checks,
     * {@code ROLE_ADMIN_SITE} or {@code ROLE_PORTAL_USER}. Which realm a principal may reach is {@link RealmAccess}'s.
     */
    private static List<GrantedAuthority> authorities(UserView user, Realm realm) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (realm.isAdmin()) {
            authorities.add(
                    new SimpleGrantedAuthority("ROLE_ADMIN_" + user.adminRole().name()));
        } else {
            authorities.add(new SimpleGrantedAuthority("ROLE_PORTAL_USER"));
        }
        return authorities;
    }
}
