package dev.latchkey.signin;

import java.io.Serializable;
import dev.latchkey.users.AdminRole;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in user, kept in the server-side session. {@link #getName()} is unique across realms, so the session
 * store can find every session of one user.
 */
public record LatchkeyPrincipal(long userId, String realm, String email, String displayName, AdminRole adminRole)
        implements AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return realm + "|" + userId;
    }

    public boolean isAdmin() {
        return adminRole != null;
    }
}
