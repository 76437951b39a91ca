package dev.latchkey.admin;

import dev.latchkey.directory.FactorSummary;
import dev.latchkey.shared.web.BadInputException;
import dev.latchkey.shared.web.SearchText;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads the Users page's filters from a request, the list's own or the ones an action carries back: anything unknown is
 * a {@code 400} before anything is done. A site the admin does not manage is refused like one that does not exist.
 */
@Component
class UsersFilters {

    static final int MAX_SEARCH = 320;
    static final int MAX_PAGE = 100_000;

    private final Sites sites;
    private final AdminScope scope;

    UsersFilters(Sites sites, AdminScope scope) {
        this.sites = sites;
        this.scope = scope;
    }

    UsersFilter read(LatchkeyPrincipal admin, String site, String q, String mfa, String strongest, String page) {
        Optional<SiteView> chosen = site == null || site.isBlank()
                ? Optional.empty()
                : sites.findBySlug(site).filter(s -> scope.manages(admin, s.id()));
        if (site != null && !site.isBlank() && chosen.isEmpty()) {
            throw new BadInputException("admin.users.badSite");
        }
        String search = SearchText.of(q, MAX_SEARCH);
        String status = mfa == null ? "" : mfa;
        if (!status.isEmpty() && !status.equals("activated") && !status.equals("not-activated")) {
            throw new BadInputException("admin.users.badMfa");
        }
        String strength = strongest == null ? "" : strongest;
        if (!strength.isEmpty() && !FactorSummary.STRENGTHS.contains(strength)) {
            throw new BadInputException("admin.users.badStrongest");
        }
        return new UsersFilter(chosen.orElse(null), search, status, strength, page(page));
    }

    private static int page(String page) {
        if (page == null || page.isEmpty()) {
            return 0;
        }
        if (page.length() > 6 || !page.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadInputException("error.badRequest");
        }
        int number = Integer.parseInt(page);
        if (number > MAX_PAGE) {
            throw new BadInputException("error.badRequest");
        }
        return number;
    }
}
