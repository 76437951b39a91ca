package dev.latchkey.signin;

import java.util.Comparator;
import java.util.List;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/** The server-side sessions of a user, across every node (they are all in the database). */
@Service
public class Sessions {

    private final FindByIndexNameSessionRepository<? extends Session> repository;

    Sessions(FindByIndexNameSessionRepository<? extends Session> repository) {
        this.repository = repository;
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

    /** Ends every session in which the user is signed in; answers how many ended. */
    public int endAll(String realm, long userId) {
        var sessions = repository.findByPrincipalName(LatchkeyPrincipal.name(realm, userId));
        sessions.keySet().forEach(repository::deleteById);
        return sessions.size();
    }

    /**
     * The sessions in which the user is signed in now, most recently used first (issue 15: the admin's page of a
     * user). Half-finished sign-ins (password passed, second factor not yet) and idle-expired sessions are left out.
     */
    public List<ActiveSession> signedIn(String realm, long userId) {
        return repository.findByPrincipalName(LatchkeyPrincipal.name(realm, userId)).values().stream()
                .filter(s -> !s.isExpired())
                .filter(s -> s.getAttributeNames()
                        .contains(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
                .map(s -> new ActiveSession(s.getCreationTime(), s.getLastAccessedTime(),
                        s.getLastAccessedTime().plus(s.getMaxInactiveInterval())))
                .sorted(Comparator.comparing(ActiveSession::lastActiveAt).reversed())
                .toList();
    }
}
