package dev.latchkey.directory;

/**
 * A filter of the users directory; null fields do not filter. {@code search} matches part of the name or email,
 * ignoring case; {@code activated} is the 2FA status filter; {@code strongest} the user's strongest factor (one of
 * {@link FactorSummary#STRENGTHS}); {@code siteIds} limits a site admin to their sites.
 */
public record DirectoryQuery(
        Long siteId, String search, Boolean activated, String strongest, java.util.Set<Long> siteIds) {

    /** Every portal user. */
    public static final DirectoryQuery ALL = new DirectoryQuery(null, null, null, null, null);

    /** Refuses a strongest factor the directory does not know: it would match nothing silently. */
    public DirectoryQuery {
        if (strongest != null && !FactorSummary.STRENGTHS.contains(strongest)) {
            throw new IllegalArgumentException("unknown strongest factor");
        }
    }
}
