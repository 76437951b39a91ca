package dev.latchkey.sites;

/** A site's MFA mode (F-POLICY-1). */
public enum MfaMode {
    /** No second step, unless the user opted in, is flagged "2FA required", or a switch says otherwise. */
    OFF,
    /** Users opt in by enabling an authenticator; those who did must pass a second factor. */
    OPTIONAL,
    /** Every sign-in needs a second factor. */
    REQUIRED
}
