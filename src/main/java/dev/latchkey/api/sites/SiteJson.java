package dev.latchkey.api.sites;

import dev.latchkey.sites.SiteView;

/** A site over the API (F-API-1): its slug (the id in paths), name, default phone region and its MFA policy. */
record SiteJson(String slug, String name, String defaultRegion, MfaPolicyJson mfaPolicy) {

    static SiteJson of(SiteView site, boolean alwaysOn) {
        return new SiteJson(site.slug(), site.name(), site.defaultRegion(), MfaPolicyJson.of(site, alwaysOn));
    }
}
