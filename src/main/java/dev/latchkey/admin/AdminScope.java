package dev.latchkey.admin;

import java.util.Set;
import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.users.AdminRole;
import dev.latchkey.users.Users;
import org.springframework.stereotype.Component;

/**
 * What an admin may manage (issue 5 §6): a system admin every site, a site admin the sites assigned to them.
 * Checked on every request, not only by hiding links.
 */
@Component
class AdminScope {

    private final Users users;

    AdminScope(Users users) {
        this.users = users;
    }

    /** The sites the admin manages, or null for all of them. */
    Set<Long> sites(LatchkeyPrincipal admin) {
        return admin.adminRole() == AdminRole.SYSTEM ? null : users.sitesOf(admin.userId());
    }

    /** Refuses, as "not found", a site the admin does not manage: they need not learn whether it exists. */
    void requireManages(LatchkeyPrincipal admin, long siteId) {
        Set<Long> sites = sites(admin);
        if (sites != null && !sites.contains(siteId)) {
            throw new NotFoundException();
        }
    }
}
