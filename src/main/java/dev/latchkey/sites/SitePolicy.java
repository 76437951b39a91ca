package dev.latchkey.sites;

import java.time.Duration;
import java.util.Set;

/**
 * One site's sign-in policy as an admin or the API sets it ({@link MfaPolicy#updateSitePolicy}): MFA mode (null under
 * always-on: required), allowed factors (of {@link Sites#FACTORS}), the code lifetime (null: the deployment default),
 * how many days a browser is remembered (null: off; F-DEVICE) and who must use a passkey (F-ASSURANCE).
 */
public record SitePolicy(
        MfaMode mode,
        Set<String> factors,
        Duration codeTtl,
        Integer rememberDays,
        PhishingResistance phishingResistant) {

    public SitePolicy {
        factors = Set.copyOf(factors);
        if (!Sites.FACTORS.containsAll(factors)) {
            throw new IllegalArgumentException("unknown factor");
        }
        if (phishingResistant == null) {
            throw new IllegalArgumentException("phishingResistant is required");
        }
    }
}
