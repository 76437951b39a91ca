package dev.latchkey.admin;

/**
 * A filter of the users directory; null fields do not filter. {@code search} matches part of the name or email,
 * ignoring case; {@code activated} is the 2FA status filter; {@code siteIds} limits a site admin to their sites.
 */
record DirectoryQuery(Long siteId, String search, Boolean activated, java.util.Set<Long> siteIds) {}
