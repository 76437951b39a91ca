package dev.latchkey.users;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Another user of the same site (or another admin) already has this email address. Thrown before anything is changed,
 * or from inside the transaction that tried, which then rolls back. A {@link DataIntegrityViolationException}, which is
 * what the unique login key would raise.
 */
public class EmailTakenException extends DataIntegrityViolationException {

    public EmailTakenException() {
        super("email address already taken in this realm");
    }
}
