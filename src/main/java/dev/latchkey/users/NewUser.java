package dev.latchkey.users;

/**
 * A user to create. {@code password} may be null for an invited user who sets it through the invitation link;
 * {@code adminRole} is null for portal users.
 */
public record NewUser(
        String email,
        String displayName,
        String password,
        boolean emailConfirmed,
        String phone,
        boolean mfaRequired,
        AdminRole adminRole) {}
