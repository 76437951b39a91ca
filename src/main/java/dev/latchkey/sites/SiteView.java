package dev.latchkey.sites;

import java.time.Duration;
import java.util.Set;

/**
 * A site as other modules see it. {@code codeTtl} is the effective lifetime of email and SMS codes;
 * {@code rememberDays} how long a browser may skip the second factor (F-DEVICE, null: off); {@code phishingResistant}
 * who must use a passkey (F-ASSURANCE).
 */
public record SiteView(
        long id,
        String slug,
        String name,
        String defaultRegion,
        MfaMode mfaMode,
        Set<String> allowedFactors,
        Duration codeTtl,
        String brandColor,
        Integer rememberDays,
        PhishingResistance phishingResistant) {

    public Realm realm() {
        return new Realm(id, slug, name);
    }
}
