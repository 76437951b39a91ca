package dev.latchkey.signin;

import dev.latchkey.users.AdminRole;
import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in user, kept in the server-side session. {@link #getName()} is unique across realms, so the session store
 * can find every session of one user.
 */
public record LatchkeyPrincipal(long userId, String realm, String email, String displayName, AdminRole adminRole)
        implements AuthenticatedPrincipal, Serializable {

    /** The name under which the session store indexes every session of this user of this realm. */
    public static String name(String realm, long userId) {
        return realm + "|" + userId;
    }

    @Override
    public String getName() {
        return name(realm, userId);
    }

    public boolean isAdmin() {
        return adminRole != null;
    }

    /** A system admin: every site, and what belongs to no site. The one test of the role, for code and pages. */
    public boolean isSystemAdmin() {
        return adminRole == AdminRole.SYSTEM;
    }
}
