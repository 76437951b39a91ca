package dev.latchkey.users;

import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the pages behind emailed links share (invitation, password reset, email confirmation): the realm of the path,
 * and one answer, 410, for a link that cannot be used, whatever the reason.
 */
@Component
class LinkPages {

    private final Sites sites;

    LinkPages(Sites sites) {
        this.sites = sites;
    }

    /** The realm of {@code /sites/{slug}/…} (or of {@code /admin/…} when {@code slug} is null), put in the model. */
    Realm realm(String slug, Model model) {
        Realm realm = slug == null
                ? Realm.ADMIN
                : sites.findBySlug(slug).map(SiteView::realm).orElseThrow(NotFoundException::new);
        model.addAttribute("realm", realm);
        return realm;
    }

    /**
     * The realm of a page whose address holds a token, with {@code Referrer-Policy: no-referrer}: the page's own style
     * sheets, script and logo are fetched without the token in a {@code Referer} header, so it reaches no proxy's or
     * CDN's access log.
     */
    Realm tokenPage(String slug, Model model, HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        return realm(slug, model);
    }

    /** A link that is unknown, used, expired, replaced or of another site: 410 and the given page. */
    static String gone(HttpServletResponse response, String view) {
        response.setStatus(HttpStatus.GONE.value());
        return view;
    }
}
