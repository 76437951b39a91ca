package dev.latchkey.sites;

import java.util.Set;

/** What it takes to create a site. */
public record SiteDraft(String slug, String name, String defaultRegion, MfaMode mfaMode, Set<String> allowedFactors) {}
