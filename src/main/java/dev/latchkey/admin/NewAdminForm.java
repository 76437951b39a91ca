package dev.latchkey.admin;

import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Create admin user (F-ADMIN-7). The page shows the first of {@link #PROBLEMS}; whether the ticked sites exist is the
 * controller's to check, after these.
 */
record NewAdminForm(
        @NotBlank(message = NewAdminForm.BAD_NAME) @Size(max = NewAdminForm.MAX_NAME, message = NewAdminForm.BAD_NAME)
        String name,

        @NotNull(message = NewAdminForm.BAD_EMAIL)
        @Size(max = NewAdminForm.MAX_EMAIL, message = NewAdminForm.BAD_EMAIL)
        @Pattern(regexp = NewAdminForm.EMAIL, message = NewAdminForm.BAD_EMAIL)
        String email,

        @NotNull(message = NewAdminForm.BAD_ROLE) @Pattern(regexp = "SYSTEM|SITE", message = NewAdminForm.BAD_ROLE)
        String role,

        List<Long> sites) {

    static final int MAX_NAME = 120;
    static final int MAX_EMAIL = 320;

    /**
     * An address with white space or control characters around it, which {@link String#trim()} takes away. The
     * look-ahead keeps the pattern from running on a long input (it could run out of stack); a longer one is a bad
     * email address anyway.
     */
    static final String EMAIL = "(?s)(?=.{0," + MAX_EMAIL + "}\\z)"
            + "[\\x00-\\x20]*+[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+[\\x00-\\x20]*+";

    static final String BAD_NAME = "admin.admins.badName";
    static final String BAD_EMAIL = "admin.admins.badEmail";
    static final String BAD_ROLE = "admin.admins.badRole";
    static final String NO_SITES = "admin.admins.noSites";
    /** The message keys of the constraints, in the order the page shows them. */
    static final String[] PROBLEMS = {BAD_NAME, BAD_EMAIL, BAD_ROLE, NO_SITES};

    /** A site admin needs at least one site (a Bean Validation property, {@code siteAdminWithoutSites}). */
    @AssertFalse(message = NO_SITES)
    boolean isSiteAdminWithoutSites() {
        return "SITE".equals(role) && (sites == null || sites.isEmpty());
    }
}
