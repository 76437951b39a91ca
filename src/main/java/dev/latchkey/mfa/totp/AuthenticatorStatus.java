package dev.latchkey.mfa.totp;

/** The states of a user's authenticator, named on the security page by {@code security.status.*}. */
public enum AuthenticatorStatus {
    /** No secret, or one scanned but never confirmed. */
    NOT_SET_UP,
    ENABLED,
    /** Switched off; the secret is kept so it can be re-enabled without a new scan. */
    DISABLED
}
