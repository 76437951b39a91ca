package dev.latchkey.users;

/** A user as other modules see it: never the password hash. */
public record UserView(
        long id,
        Long siteId,
        String email,
        String displayName,
        boolean emailConfirmed,
        String phone,
        boolean mfaRequired,
        AdminRole adminRole,
        int secondFactorFailures,
        java.time.Instant secondFactorFailedAt,
        boolean locked) {

    public boolean isAdmin() {
        return adminRole != null;
    }
}
