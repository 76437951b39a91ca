package dev.latchkey.users;

import java.util.ArrayList;
import java.util.List;

/** One portal user as the admin's Users page lists them (F-ADMIN-2). */
public record DirectoryRow(
        long id,
        String email,
        String displayName,
        String phone,
        long siteId,
        String siteSlug,
        String siteName,
        boolean emailConfirmed,
        boolean mfaRequired,
        boolean locked,
        String authenticator,
        int backupCodesLeft) {

    /** 2FA is activated when an authenticator is enabled (later also a passkey). */
    public boolean activated() {
        return "ENABLED".equals(authenticator);
    }

    /** The factors this user can sign in with, in the chooser's order. */
    public List<String> factors() {
        List<String> factors = new ArrayList<>();
        if (emailConfirmed) {
            factors.add("email");
        }
        if (phone != null && !phone.isBlank()) {
            factors.add("sms");
        }
        if (activated()) {
            factors.add("totp");
        }
        if (backupCodesLeft > 0) {
            factors.add("backup");
        }
        return factors;
    }
}
