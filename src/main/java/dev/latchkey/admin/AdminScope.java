package dev.latchkey.admin;

import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.Users;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What an admin may see and manage (F-ADMIN, ADR 0006): a system admin every site, a site admin the sites assigned to
 * them. Every page that lists sites or their users asks this class; checked on every request, not only by hiding links.
 * Data that belongs to no site (accounts, contact persons, system settings) is for system admins only
 * ({@link SystemAdminsOnly}).
 */
@Component
class AdminScope {

    private final Users users;
    private final Sites sites;

    AdminScope(Users users, Sites sites) {
        this.users = users;
        this.sites = sites;
    }

    /** The ids of the sites the admin manages, or null for all of them. */
    Set<Long> sites(LatchkeyPrincipal admin) {
        return admin.isSystemAdmin() ? null : users.sitesOf(admin.userId());
    }

    /** The sites the admin manages, by name: every site for a system admin. */
    List<SiteView> visibleSites(LatchkeyPrincipal admin) {
        Set<Long> managed = sites(admin);
        return sites.all().stream()
                .filter(s -> managed == null || managed.contains(s.id()))
                .toList();
    }

    /** The realm keys (slugs) of the sites the admin manages, or null for all of them. */
    Set<String> realms(LatchkeyPrincipal admin) {
        return sites(admin) == null
                ? null
                : visibleSites(admin).stream().map(SiteView::slug).collect(Collectors.toUnmodifiableSet());
    }

    boolean manages(LatchkeyPrincipal admin, long siteId) {
        Set<Long> managed = sites(admin);
        return managed == null || managed.contains(siteId);
    }

    /** Refuses, as "not found", a site the admin does not manage: they need not learn whether it exists. */
    void requireManages(LatchkeyPrincipal admin, long siteId) {
        if (!manages(admin, siteId)) {
            throw new NotFoundException();
        }
    }
}
