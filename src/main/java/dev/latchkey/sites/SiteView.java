package dev.latchkey.sites;

import java.time.Duration;
import java.util.Set;

/**
 * A site as other modules see it. {@code codeTtl} is the effective lifetime of email and SMS codes;
 * {@code rememberDays} how long a browser may skip the second factor (F-DEVICE, null: off); {@code phishingResistant}
 * who must use a passkey (F-ASSURANCE); {@code policyVersion} the version of those sign-in settings, bumped by every
 * write of them (the API's ETag of the policy).
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
        PhishingResistance phishingResistant,
        long policyVersion) {

    /** A site whose policy version does not matter to the caller. */
    public SiteView(
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
        this(
                id,
                slug,
                name,
                defaultRegion,
                mfaMode,
                allowedFactors,
                codeTtl,
                brandColor,
                rememberDays,
                phishingResistant,
                0);
    }

    public Realm realm() {
        return new Realm(id, slug, name);
    }
}
