package dev.latchkey.portal;

import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.sites.MfaMode;
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

    /** F-POLICY-1: on a site whose MFA is off, users are not offered an authenticator (the admin site always is). */
    boolean enrolmentOffered(Realm realm) {
        return realm.isAdmin()
                || sites.findById(realm.siteId())
                        .map(s -> s.mfaMode() != MfaMode.OFF)
                        .orElse(false);
    }

    Realm of(String slug) {
        return slug == null
                ? Realm.ADMIN
                : sites.findBySlug(slug).map(SiteView::realm).orElseThrow(NotFoundException::new);
    }
}
