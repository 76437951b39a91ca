package dev.latchkey.users;

/**
 * A user as other modules see it: never the password hash. {@code email} is the address the user signs in with and gets
 * codes and links at; {@code pendingEmail} is a new address the organisation entered that the user has not confirmed
 * yet (null when there is none), which nothing is sent to but its confirmation link.
 */
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
        boolean locked,
        String pendingEmail) {

    public boolean isAdmin() {
        return adminRole != null;
    }
}
