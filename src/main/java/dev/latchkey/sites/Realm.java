package dev.latchkey.sites;

import java.io.Serializable;

/**
 * Where a login belongs: one site, or the admin site (platform logins). The {@link #key()} is the site's slug, or
 * {@code admin}, which no site may take as its slug.
 */
public record Realm(Long siteId, String key, String name) implements Serializable {

    public static final String ADMIN_KEY = "admin";

    /** The admin site (platform logins). */
    public static final Realm ADMIN = new Realm(null, ADMIN_KEY, "Latchkey Admin");

    public boolean isAdmin() {
        return siteId == null;
    }

    /** The path every page of this realm lives under: {@code /sites/{slug}} or {@code /admin}. */
    public String basePath() {
        return isAdmin() ? "/admin" : "/sites/" + key;
    }
}
