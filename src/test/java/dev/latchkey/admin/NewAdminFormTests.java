package dev.latchkey.admin;

import static dev.latchkey.test.FormValidation.firstProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The create-admin form's constraints give the problem its hand-written check gave before, for every combination of the
 * inputs below: that check is kept here as the reference.
 */
class NewAdminFormTests {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private static final List<String> NAMES =
            Arrays.asList(null, "", " ", "\u2003", "\u0000", "Ann", "x".repeat(120), "x".repeat(121));
    private static final List<String> EMAILS = Arrays.asList(
            null,
            "",
            " ",
            "\u0001",
            "ann@acme.test",
            "  ann@acme.test\t",
            "\u0001ann@acme.test\u0000",
            "\u2003ann@acme.test",
            "ann@acme",
            "ann @acme.test",
            "a".repeat(64) + "@" + "b".repeat(250) + ".test",
            "a".repeat(64) + "@" + "b".repeat(251) + ".test",
            " ".repeat(300) + "ann@acme.test",
            "ann@b" + ".c".repeat(200_000));
    private static final List<String> ROLES = Arrays.asList(null, "", "SITE", "SYSTEM", "site", "OWNER");
    private static final List<List<Long>> SITES = Arrays.asList(null, List.of(), List.of(1L), List.of(999L));

    @Test
    void everyCombinationGivesTheProblemOfBefore() {
        for (String name : NAMES) {
            for (String email : EMAILS) {
                for (String role : ROLES) {
                    for (List<Long> sites : SITES) {
                        NewAdminForm form = new NewAdminForm(name, email, role, sites);
                        assertThat(firstProblem(form, NewAdminForm.PROBLEMS))
                                .as("%s, %s, %s, %s", name, email, role, sites)
                                .isEqualTo(before(name, email, role, sites));
                    }
                }
            }
        }
    }

    @Test
    void ofSeveralProblemsTheFormerOrderWins() {
        assertThat(firstProblem(new NewAdminForm(" ", "not an address", "OWNER", null), NewAdminForm.PROBLEMS))
                .isEqualTo("admin.admins.badName");
        assertThat(firstProblem(new NewAdminForm("Ann", "x".repeat(400), "SITE", null), NewAdminForm.PROBLEMS))
                .isEqualTo("admin.admins.badEmail");
        assertThat(firstProblem(new NewAdminForm("Ann", "ann@acme.test", "SITE", List.of()), NewAdminForm.PROBLEMS))
                .isEqualTo("admin.admins.noSites");
    }

    /** NewAdminForm#problem as it was hand-written. */
    private static String before(String name, String email, String role, List<Long> sites) {
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
