package dev.latchkey.mfa.totp;

/** The states of a user's authenticator, as the security page names them. */
public enum AuthenticatorStatus {
    /** No secret, or one scanned but never confirmed. */
    NOT_SET_UP("Not set up"),
    ENABLED("Enabled"),
    /** Switched off; the secret is kept so it can be re-enabled without a new scan. */
    DISABLED("Disabled");

    private final String label;

    AuthenticatorStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
