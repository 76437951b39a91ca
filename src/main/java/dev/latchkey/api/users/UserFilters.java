package dev.latchkey.api.users;

import dev.latchkey.directory.DirectoryQuery;
import dev.latchkey.directory.FactorSummary;
import dev.latchkey.shared.web.SearchText;
import dev.latchkey.sites.Sites;

/** Reads the users list's filters: an unknown value is a 400 problem naming the parameter, never an empty list. */
final class UserFilters {

    static final int MAX_SEARCH = 320;

    private UserFilters() {}

    static DirectoryQuery read(Sites sites, String site, String mfa, String strongest, String q) {
        Long siteId = null;
        if (site != null) {
            siteId = sites.findBySlug(site)
                    .orElseThrow(() -> BadParameter.of("site", "no site with this slug"))
                    .id();
        }
        Boolean activated = null;
        if (mfa != null) {
            activated = switch (mfa) {
                case "activated" -> Boolean.TRUE;
                case "not-activated" -> Boolean.FALSE;
                default -> throw BadParameter.of("mfa", "must be activated or not-activated");
            };
        }
        if (strongest != null && !FactorSummary.STRENGTHS.contains(strongest)) {
            throw BadParameter.of("strongest", "must be one of " + String.join(", ", FactorSummary.STRENGTHS));
        }
        if (q != null && (q.length() > MAX_SEARCH || q.codePoints().anyMatch(Character::isISOControl))) {
            throw BadParameter.of("q", "at most " + MAX_SEARCH + " characters, no control characters");
        }
        return new DirectoryQuery(siteId, SearchText.of(q, MAX_SEARCH), activated, strongest, null);
    }
}
