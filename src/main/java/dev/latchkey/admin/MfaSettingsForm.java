package dev.latchkey.admin;

/** The switches of F-POLICY-2 as posted by the Login &amp; Security page; absent checkboxes mean off. */
record MfaSettingsForm(Boolean allSites, Boolean platform) {

    boolean allSitesOn() {
        return Boolean.TRUE.equals(allSites);
    }

    boolean platformOn() {
        return Boolean.TRUE.equals(platform);
    }
}
