package dev.latchkey.admin;

import java.util.List;
import java.util.regex.Pattern;

/** Create admin user (F-ADMIN-7). */
record NewAdminForm(String name, String email, String role, List<Long> sites) {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    /** The message key of the first problem, or null. */
    String problem() {
        if (name == null || name.isBlank() || name.length() > 120) {
            return "admin.admins.badName";
        }
        if (email == null
                || email.length() > 320
                || !EMAIL.matcher(email.trim()).matches()) {
            return "admin.admins.badEmail";
        }
        if (!"SYSTEM".equals(role) && !"SITE".equals(role)) {
            return "admin.admins.badRole";
        }
        if ("SITE".equals(role) && (sites == null || sites.isEmpty())) {
            return "admin.admins.noSites";
        }
        return null;
    }
}
