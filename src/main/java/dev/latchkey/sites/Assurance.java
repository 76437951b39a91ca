package dev.latchkey.sites;

import java.util.Collection;

/**
 * F-ASSURANCE: what a site's second step is worth, judged by the weakest way through it. The ids are the stable hook
 * {@code data-assurance}.
 */
public enum Assurance {
    /** Only a passkey passes: bound to the site's origin, so a fake site can neither capture nor replay it. */
    PHISHING_RESISTANT("phishing-resistant"),
    /** An authenticator app, an SMS code or a backup code: a second factor, but one a fake site can relay. */
    MULTI_FACTOR("multi-factor"),
    /** An email code passes: NIST SP 800-63B does not accept email as a second factor. */
    EMAIL_ONLY("email-only");

    private final String id;

    Assurance(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** What one factor is worth on its own. */
    public static Assurance ofFactor(String factor) {
        return switch (factor) {
            case "passkey" -> PHISHING_RESISTANT;
            case "email" -> EMAIL_ONLY;
            default -> MULTI_FACTOR;
        };
    }

    /**
     * What a second step through {@code factors} is worth: the weakest factor a user may choose decides. No factor at
     * all falls back to the email code ({@link MfaPolicy#decide}).
     */
    public static Assurance of(Collection<String> factors) {
        if (factors.isEmpty()) {
            return EMAIL_ONLY;
        }
        return factors.stream().map(Assurance::ofFactor).max(Enum::compareTo).orElseThrow();
    }

    /** A site's level for its users in general: a site that requires passkeys of everyone is phishing-resistant. */
    public static Assurance of(SiteView site) {
        return site.phishingResistant() == PhishingResistance.ALL ? PHISHING_RESISTANT : of(site.allowedFactors());
    }
}
