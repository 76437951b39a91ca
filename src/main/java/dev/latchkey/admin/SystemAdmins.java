package dev.latchkey.admin;

import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.users.AdminRole;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may change contact persons and portal users: system admins, until site admins are scoped to their own sites.
 * Any admin may look.
 */
final class SystemAdmins {

    private SystemAdmins() {}

    static void require(LatchkeyPrincipal admin) {
        if (admin.adminRole() != AdminRole.SYSTEM) {
            throw new AccessDeniedException("system admins only until site scopes exist");
        }
    }
}
