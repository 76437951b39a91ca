package dev.latchkey.accounts;

import java.util.Locale;

/** A change to an account that conflicts with other data; nothing was changed. The API answers 409 Conflict. */
public class AccountRefusedException extends RuntimeException {

    /** Why. Each reason has a text {@code accounts.refused.<reason>} in the message bundle. */
    public enum Reason {
        /** Another account has this number. */
        NUMBER_TAKEN,
        /** Another account has this external id. */
        EXTERNAL_ID_TAKEN,
        /** A contract number is used by another account, or twice in the list. */
        CONTRACT_TAKEN,
        /** An account with contact persons or portal users linked to it is not deleted. */
        IN_USE
    }

    private final Reason reason;

    public AccountRefusedException(Reason reason) {
        super("account change refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return "accounts.refused." + reason.name().toLowerCase(Locale.ROOT);
    }
}
