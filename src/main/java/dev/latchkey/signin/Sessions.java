package dev.latchkey.signin;

import dev.latchkey.shared.web.BadInputException;
import dev.latchkey.shared.web.BrowserSummary;
import dev.latchkey.shared.web.ClientInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/** The server-side sessions of a user, across every node (they are all in the database). */
@Service
public class Sessions {

    /** Hex digits of a {@link #handle}: 128 bits. */
    public static final int HANDLE_LENGTH = 32;

    private static final Pattern HANDLE = Pattern.compile("[0-9a-f]{" + HANDLE_LENGTH + "}");

    /** What a sign-out of one session did. */
    public enum SignOutResult {
        /** This request ended the session. */
        SIGNED_OUT,
        /**
         * Nothing changed: the session had ended already (signed out, expired, replaced by a later sign-in step, or
         * ended by a simultaneous request), or it is no signed-in session of this user at all. The two are not told
         * apart, so a handle says nothing about other users' sessions.
         */
        ALREADY_ENDED
    }

    private final FindByIndexNameSessionRepository<? extends Session> repository;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Sessions(
            FindByIndexNameSessionRepository<? extends Session> repository,
            JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * The name of a session in pages and forms: the first 128 bits of the SHA-256 of its id, in lower-case hex. The id
     * is the session's bearer token and never goes into a page; the handle cannot be turned back into it, and every
     * node computes the same handle for the same session.
     */
    public static String handle(String sessionId) {
        return DigestUtils.sha256Hex(sessionId).substring(0, HANDLE_LENGTH);
    }

    /** Ends every other session of the user ("sign out other sessions"); answers how many ended. */
    public int endAllExcept(String realm, long userId, String keepSessionId) {
        var sessions = repository.findByPrincipalName(LatchkeyPrincipal.name(realm, userId));
        int ended = 0;
        for (String id : sessions.keySet()) {
            if (!id.equals(keepSessionId)) {
                repository.deleteById(id);
                ended++;
            }
        }
        return ended;
    }

    /**
     * Ends the user's half-finished sign-ins (a password passed, the second factor not yet), except the session
     * {@code keepSessionId}; signed-in sessions stay. Answers how many ended.
     */
    public int endHalfFinished(String realm, long userId, String keepSessionId) {
        int ended = 0;
        for (var entry : repository
                .findByPrincipalName(LatchkeyPrincipal.name(realm, userId))
                .entrySet()) {
            if (!signedIn(entry.getValue()) && !entry.getKey().equals(keepSessionId)) {
                repository.deleteById(entry.getKey());
                ended++;
            }
        }
        return ended;
    }

    /** Ends every session in which the user is signed in; answers how many ended. */
    public int endAll(String realm, long userId) {
        var sessions = repository.findByPrincipalName(LatchkeyPrincipal.name(realm, userId));
        sessions.keySet().forEach(repository::deleteById);
        return sessions.size();
    }

    /**
     * The sessions in which the user is signed in now, most recently used first (F-ADMIN-2: the admin's page of a
     * user). Half-finished sign-ins (password passed, second factor not yet) and idle-expired sessions are left out.
     */
    public List<ActiveSession> signedIn(String realm, long userId) {
        return signedIn(realm, userId, null);
    }

    /**
     * The user's own list (F-ACCOUNT-4): as {@link #signedIn(String, long)}, with the session {@code currentSessionId}
     * marked as the current one.
     */
    public List<ActiveSession> signedIn(String realm, long userId, String currentSessionId) {
        return signedInSessions(realm, userId).stream()
                .map(s -> view(s, s.getId().equals(currentSessionId)))
                .sorted(Comparator.comparing(ActiveSession::lastActiveAt).reversed())
                .toList();
    }

    /**
     * Ends the one signed-in session of {@code user} that {@code handle} names, on every node, and records it. Only
     * this user's sessions of this realm are looked at. Of simultaneous sign-outs of one session exactly one ends it (a
     * conditional delete of its row); the others, a replayed request and a handle of a session that is not the user's
     * all answer {@link SignOutResult#ALREADY_ENDED} and change nothing.
     *
     * @throws BadInputException when {@code handle} is not a handle at all (wrong length or characters)
     */
    public SignOutResult signOut(LatchkeyPrincipal user, String handle, ClientInfo client) {
        // an oversized value is refused here, before it is compared with anything
        if (handle == null
                || handle.length() != HANDLE_LENGTH
                || !HANDLE.matcher(handle).matches()) {
            throw new BadInputException("security.sessions.badHandle");
        }
        byte[] wanted = handle.getBytes(StandardCharsets.US_ASCII);
        Optional<Session> found = signedInSessions(user.realm(), user.userId()).stream()
                .filter(s -> MessageDigest.isEqual(handle(s.getId()).getBytes(StandardCharsets.US_ASCII), wanted))
                .findFirst();
        if (found.isEmpty()) {
            return SignOutResult.ALREADY_ENDED;
        }
        Session session = found.get();
        // the attributes go with the row (on delete cascade); a late write of that session's running request
        // reaches no row (see SessionStoreConfiguration), so the session stays ended
        int deleted = jdbc.sql("delete from spring_session where session_id = ?")
                .param(session.getId())
                .update();
        if (deleted != 1) {
            return SignOutResult.ALREADY_ENDED;
        }
        events.publishEvent(new SessionSignedOut(
                user.realm(), user.userId(), user.email(), client, describe(view(session, false))));
        return SignOutResult.SIGNED_OUT;
    }

    private List<Session> signedInSessions(String realm, long userId) {
        return repository.findByPrincipalName(LatchkeyPrincipal.name(realm, userId)).values().stream()
                .filter(s -> !s.isExpired())
                .filter(Sessions::signedIn)
                .map(Session.class::cast)
                .toList();
    }

    /** Whether a session holds a signed-in principal, not only a sign-in between its steps. */
    private static boolean signedIn(Session session) {
        return session.getAttributeNames().contains(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    }

    private static ActiveSession view(Session s, boolean current) {
        SessionClient client = s.getAttribute(SessionClient.ATTRIBUTE) instanceof SessionClient c ? c : null;
        // a step-up replaces the session but keeps its client: the user signed in when the client says
        return new ActiveSession(
                handle(s.getId()),
                client == null || client.signedInAt() == null ? s.getCreationTime() : client.signedInAt(),
                s.getLastAccessedTime(),
                s.getLastAccessedTime().plus(s.getMaxInactiveInterval()),
                client == null ? null : client.ip(),
                client == null ? new BrowserSummary(null, null) : client.summary(),
                current);
    }

    /** The ended session for the audit log, in words from Latchkey's fixed lists and the recorded address. */
    private static String describe(ActiveSession s) {
        BrowserSummary b = s.browser();
        String browser = b.browser() == null && b.system() == null
                ? "unknown browser"
                : b.browser() == null
                        ? "unknown browser on " + b.system()
                        : b.system() == null ? b.browser() : b.browser() + " on " + b.system();
        return "ended the session of " + browser + (s.ip() == null ? "" : ", " + s.ip()) + ", signed in "
                + s.startedAt();
    }
}
