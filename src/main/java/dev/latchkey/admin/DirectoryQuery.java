package dev.latchkey.admin;

/**
 * A filter of the users directory; null fields do not filter. {@code search} matches part of the name or email,
 * ignoring case; {@code activated} is the 2FA status filter; {@code strongest} the user's strongest factor (one of
 * {@link FactorSummary#STRENGTHS}); {@code siteIds} limits a site admin to their sites.
 */
record DirectoryQuery(Long siteId, String search, Boolean activated, String strongest, java.util.Set<Long> siteIds) {}
