package dev.latchkey.signin;

import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import org.springframework.stereotype.Component;

/** Resolves the realm of a sign-in URL: a site's slug, or none for the admin site. */
@Component
class Realms {

    private final Sites sites;

    Realms(Sites sites) {
        this.sites = sites;
    }

    Realm resolve(String slug) {
        if (slug == null) {
            return Realm.ADMIN;
        }
        return sites.findBySlug(slug).map(SiteView::realm).orElseThrow(NotFoundException::new);
    }
}
