package dev.latchkey.audit;

import java.util.List;
import org.springframework.stereotype.Service;

/** A user's recent sign-ins, read from the audit log for the admin's page of that user (issue 15). */
@Service
public class SignInHistory {

    /** How many sign-ins the admin's page of a user shows. */
    public static final int RECENT = 10;

    private final AuditQueries queries;

    SignInHistory(AuditQueries queries) {
        this.queries = queries;
    }

    /**
     * The user's {@value #RECENT} newest sign-ins and failed second steps, newest first. Each entry's
     * {@code outcome} is {@code success} or {@code failure}, {@code factor} the second factor (null: password only).
     */
    public List<AuditEntry> recent(long userId) {
        return queries.signIns(userId, RECENT);
    }
}
