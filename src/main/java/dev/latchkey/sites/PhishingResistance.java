package dev.latchkey.sites;

/** F-ASSURANCE: who of a site's users must sign in with a phishing-resistant factor (a passkey). */
public enum PhishingResistance {
    /** Nobody: the site's allowed factors decide. */
    OFF,
    /** Users marked "2FA required". */
    FLAGGED,
    /** Every user of the site. */
    ALL;

    /** Whether a user with this "2FA required" flag must use a passkey. */
    public boolean appliesTo(boolean userMfaRequired) {
        return this == ALL || (this == FLAGGED && userMfaRequired);
    }
}
