package dev.latchkey.sites;

/** A site's brand colour or logo was changed by an admin. */
public record BrandingChanged(String slug, String change, String actor) {}
