package dev.latchkey.admin;

/**
 * The switches of F-POLICY-2 as posted by the Login &amp; Security page; absent checkboxes mean off.
 * {@code rememberDays} is how long the admin site remembers a browser (F-DEVICE; 0 or absent: off, the default).
 */
record MfaSettingsForm(Boolean allSites, Boolean platform, Integer rememberDays) {

    boolean allSitesOn() {
        return Boolean.TRUE.equals(allSites);
    }

    boolean platformOn() {
        return Boolean.TRUE.equals(platform);
    }
}
