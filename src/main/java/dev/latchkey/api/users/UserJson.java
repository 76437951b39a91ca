package dev.latchkey.api.users;

import dev.latchkey.directory.DirectoryRow;
import java.util.List;

/**
 * A portal user over the API (F-API-1): site, 2FA status ({@code activated} or {@code not-activated}), the strongest
 * factor, every factor they can sign in with, "2FA required", locked, and a new address waiting for confirmation.
 */
record UserJson(
        long id,
        String email,
        String displayName,
        String phone,
        String site,
        String mfa,
        String strongest,
        List<String> factors,
        boolean mfaRequired,
        boolean locked,
        String pendingEmail) {

    static UserJson of(DirectoryRow row) {
        return new UserJson(
                row.id(),
                row.email(),
                row.displayName(),
                row.phone(),
                row.siteSlug(),
                row.activated() ? "activated" : "not-activated",
                row.factors().strongest(),
                row.allFactors(),
                row.mfaRequired(),
                row.locked(),
                row.pendingEmail());
    }
}
