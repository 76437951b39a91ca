package dev.latchkey.delivery.sms;

/** Why an SMS was not taken, in terms an admin can act on; never the provider's own text, which may hold a number. */
public enum SmsProblem {
    /** The recipient's number: wrong, not a mobile number, blocked, or not reachable. */
    NUMBER,
    /** The client id or secret. */
    CREDENTIALS,
    /** The from number (not the account's, or not allowed to send there). */
    SENDER,
    /** The provider asked to slow down; retried. */
    THROTTLED,
    /** The provider's own error (5xx); retried. */
    PROVIDER,
    /** The provider could not be reached; retried. */
    UNREACHABLE,
    /** SMS was not configured when the message was due. */
    NOT_CONFIGURED,
    /** Anything else the provider refused. */
    OTHER
}
