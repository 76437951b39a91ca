package dev.latchkey.sites;

/** A system-wide MFA switch or a site's policy was changed by an admin. */
public record MfaSettingChanged(String setting, String value, String actor) {}
