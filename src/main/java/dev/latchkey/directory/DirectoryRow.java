package dev.latchkey.directory;

import java.util.List;

/**
 * One portal user as the admin's Users page and the API list them (F-ADMIN-2, F-API-1). {@code pendingEmail}: a new
 * address waiting for the user's confirmation, or null.
 */
public record DirectoryRow(
        long id,
        String email,
        String displayName,
        String phone,
        long siteId,
        String siteSlug,
        String siteName,
        boolean mfaRequired,
        boolean locked,
        String pendingEmail,
        FactorSummary factors) {

    /** 2FA is activated when the user set up a factor of their own ({@link FactorSummary#activated()}). */
    public boolean activated() {
        return factors.activated();
    }

    /** Every factor this user can sign in with, in the chooser's order: the sent ones, then their own. */
    public List<String> allFactors() {
        List<String> all = new java.util.ArrayList<>(factors.sent());
        all.addAll(factors.own());
        return all;
    }
}
