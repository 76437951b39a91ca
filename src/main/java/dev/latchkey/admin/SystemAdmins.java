package dev.latchkey.admin;

import dev.latchkey.signin.LatchkeyPrincipal;
import org.springframework.security.access.AccessDeniedException;

/**
 * What only system admins may do: read or change what belongs to no site (accounts and contact persons, system
 * settings, admin users), change Login &amp; Security and branding, and create portal users. Site admins get
 * {@code 403}. Reading a site's users, audit events and policy is scoped by {@link AdminScope} instead.
 */
final class SystemAdmins {

    private SystemAdmins() {}

    static void require(LatchkeyPrincipal admin) {
        if (!admin.isSystemAdmin()) {
            throw new AccessDeniedException("system admins only");
        }
    }
}
