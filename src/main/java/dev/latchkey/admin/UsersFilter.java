package dev.latchkey.admin;

import dev.latchkey.directory.DirectoryQuery;
import dev.latchkey.directory.FactorSummary;
import dev.latchkey.sites.SiteView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Users page's filters as an admin set them, checked: a site they manage (or none), a search text, the 2FA status
 * ({@code activated}, {@code not-activated} or blank), the user's strongest factor ({@link FactorSummary#STRENGTHS} or
 * blank; F-ASSURANCE) and the page. Actions on a user carry them along, so the admin comes back to the list they were
 * looking at (F-ADMIN-3).
 */
record UsersFilter(SiteView site, String search, String mfa, String strongest, int page) {

    static final UsersFilter NONE = new UsersFilter(null, null, "", "", 0);

    /** The 2FA status filter: true for activated, false for not activated, null for any. */
    public Boolean activated() {
        return switch (mfa) {
            case "activated" -> Boolean.TRUE;
            case "not-activated" -> Boolean.FALSE;
            default -> null;
        };
    }

    public String siteSlug() {
        return site == null ? "" : site.slug();
    }

    public String q() {
        return search == null ? "" : search;
    }

    /** The query of the directory, limited to {@code managed} sites (null: every site). */
    DirectoryQuery query(Set<Long> managed) {
        return new DirectoryQuery(
                site == null ? null : site.id(), search, activated(), strongest.isEmpty() ? null : strongest, managed);
    }

    /** The list with these filters on page {@code page}: for the pager. */
    public String listHref(int page) {
        return href("/admin/users", new UsersFilter(site, search, mfa, strongest, page).parameters());
    }

    /** A path with the filters as its query, each value form-encoded ({@code +} stays a plus, not a space). */
    static String href(String path, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** The filters that are set, as request parameters in a fixed order: for links, hidden fields and redirects. */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (site != null) {
            parameters.put("site", site.slug());
        }
        if (search != null) {
            parameters.put("q", search);
        }
        if (!mfa.isEmpty()) {
            parameters.put("mfa", mfa);
        }
        if (!strongest.isEmpty()) {
            parameters.put("strongest", strongest);
        }
        if (page > 0) {
            parameters.put("page", Integer.toString(page));
        }
        return parameters;
    }
}
