package dev.latchkey.signin;

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
}
