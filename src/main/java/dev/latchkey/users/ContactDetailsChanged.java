package dev.latchkey.users;

/**
 * The organisation changed a user's email address (their username) or phone (F-CONTACT-2). Carries no values, only what
 * changed, so it can be audited without copying personal data.
 */
public record ContactDetailsChanged(long userId, String realm, Email email, boolean phoneChanged, String actor) {

    /** What happened to the email address (F-CONTACT-2). */
    public enum Email {
        /** Nothing. */
        NONE,
        /** The address, and with it the login, changed at once: a user without password, or only its spelling. */
        CHANGED,
        /** A new address waits for the user to confirm it; the login has not changed. */
        PENDING,
        /** A new address that waited for confirmation was withdrawn; the login never changed. */
        WITHDRAWN
    }

    public boolean emailChanged() {
        return email != Email.NONE;
    }
}
