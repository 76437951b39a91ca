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
        EMAIL_REQUIRED,
        /** Another contact person has this external id. */
        EXTERNAL_ID_TAKEN,
        /** The account does not exist (by id or by external id). */
        NO_SUCH_ACCOUNT,
        /** A portal user stays linked to the accounts of their contact, so a promoted contact keeps their account. */
        PROMOTED_CONTACT_MOVED,
        /**
         * A promoted contact person is not deleted: their portal user would keep access to the account. Delete or lock
         * the user on the admin pages first (deleting the user unlinks the contact).
         */
        HAS_PORTAL_USER
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
