package dev.latchkey.audit;

import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A user's recent sign-ins, read from the audit log: for the admin's page of that user (F-ADMIN-2) and for the user's
 * own Security page (F-ACCOUNT-4).
 */
@Service
public class SignInHistory {

    /** How many sign-ins a page shows. */
    public static final int RECENT = 10;

    private final AuditQueries queries;

    SignInHistory(AuditQueries queries) {
        this.queries = queries;
    }

    /**
     * The user's {@value #RECENT} newest sign-ins, wrong passwords typed for their account and failed second steps,
     * newest first.
     */
    public List<SignInAttempt> recent(long userId) {
        return queries.signIns(userId, RECENT).stream().map(SignInAttempt::of).toList();
    }
}
