package dev.latchkey.admin;

import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import org.springframework.stereotype.Component;

/**
 * The one rule for which users an admin may see and act on, for the Users list's actions and the page of a user: a
 * portal user of a site the admin manages, or, for a system admin, another admin. Anything else is "not found", so a
 * site admin never learns whether a user of another site exists.
 */
@Component
class ManagedUsers {

    private final Users users;
    private final Sites sites;
    private final AdminScope scope;

    ManagedUsers(Users users, Sites sites, AdminScope scope) {
        this.users = users;
        this.sites = sites;
        this.scope = scope;
    }

    UserView find(LatchkeyPrincipal admin, long id) {
        UserView user = users.find(id).orElseThrow(NotFoundException::new);
        if (user.siteId() == null) {
            if (!user.isAdmin() || scope.sites(admin) != null) {
                throw new NotFoundException();
            }
            return user;
        }
        scope.requireManages(admin, user.siteId());
        return user;
    }

    /** The site the user signs in to, or the admin site for an admin. */
    Realm realmOf(UserView user) {
        return sites.realmOf(user.siteId());
    }
}
