package dev.latchkey.portal;

import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import org.springframework.stereotype.Component;

/** The realm of an account page: the site of {@code /sites/{slug}/account/…}, or the admin site. */
@Component
class AccountRealm {

    private final Sites sites;

    AccountRealm(Sites sites) {
        this.sites = sites;
    }

    Realm of(String slug) {
        return slug == null
                ? Realm.ADMIN
                : sites.findBySlug(slug).map(SiteView::realm).orElseThrow(NotFoundException::new);
    }
}
