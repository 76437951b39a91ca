package dev.latchkey.users;

/** What an admin user may manage. */
public enum AdminRole {
    /** Everything, including system settings. */
    SYSTEM,
    /** Only the users of their own sites. */
    SITE
}
