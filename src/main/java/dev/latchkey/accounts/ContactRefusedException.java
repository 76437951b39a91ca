package dev.latchkey.accounts;

import java.util.Locale;

/** A change to a contact person that cannot be made in the state they are in; nothing was changed. */
public class ContactRefusedException extends RuntimeException {

    /** Why. Each reason has a text {@code contacts.refused.<reason>} in the message bundle. */
    public enum Reason {
        /** Promotion needs an email address, which becomes the username. */
        NO_EMAIL,
        /** The contact person is a portal user already. */
        ALREADY_PROMOTED,
        /** Another user of that site already has this email address. */
        EMAIL_TAKEN,
        /** The contact is a portal user, and a portal user cannot lose their email address. */
        EMAIL_REQUIRED
    }

    private final Reason reason;

    public ContactRefusedException(Reason reason) {
        super("contact change refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return "contacts.refused." + reason.name().toLowerCase(Locale.ROOT);
    }
}
