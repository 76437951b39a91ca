package dev.latchkey.admin;

import static dev.latchkey.test.FormValidation.firstProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.accounts.ContactDetails;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contact and new-portal-user forms' constraints give the problem their hand-written checks gave before, for every
 * combination of the texts below: those checks are kept here as the reference.
 */
class ContactFormTests {

    private static final Pattern EMAIL = Pattern.compile(ContactDetails.EMAIL_PATTERN);

    static Stream<String> texts() {
        return Stream.of(
                null,
                "",
                " ",
                "\u2003",
                "\u0000",
                "\tAlice",
                "Al\u200bice",
                "Alice",
                "  Alice  ",
                "alice@acme.test",
                " alice@acme.test\u2003",
                "alice@acme",
                "alice@@acme.test",
                "+31 20 123 4567",
                "x".repeat(40),
                "x".repeat(41),
                " ".repeat(10) + "x".repeat(40) + " ".repeat(10),
                "x".repeat(120),
                "x".repeat(121),
                "a".repeat(64) + "@" + "b".repeat(250) + ".test",
                "a".repeat(64) + "@" + "b".repeat(260) + ".test",
                " ".repeat(400) + "alice@acme.test");
    }

    @Test
    void everyCombinationGivesTheProblemOfBefore() {
        List<String> texts = texts().toList();
        for (String name : texts) {
            for (String email : texts) {
                for (String phone : texts) {
                    givesTheProblemOfBefore(name, email, phone);
                }
            }
        }
    }

    private static void givesTheProblemOfBefore(String name, String email, String phone) {
        String before = before(name, email, phone);

        assertThat(firstProblem(new ContactForm(name, email, phone), ContactForm.PROBLEMS))
                .as("%s, %s, %s", name, email, phone)
                .isEqualTo(before);
        String beforeNewUser =
                before == null && (email == null || email.isBlank()) ? NewPortalUserForm.EMAIL_BLANK : before;
        assertThat(firstProblem(new NewPortalUserForm("acme", name, email, phone), NewPortalUserForm.PROBLEMS))
                .as("%s, %s, %s", name, email, phone)
                .isEqualTo(beforeNewUser);
    }

    @Test
    void aLongAddressIsTooLongWithoutRunningThePattern() {
        // the pattern would run out of stack on it: the size check comes first and the pattern is not run
        String deep = "a@b" + ".c".repeat(200_000);
        givesTheProblemOfBefore("Alice", deep, null);
        givesTheProblemOfBefore("Alice", " " + deep + " ", "+31 20 123 4567");
    }

    @Test
    void ofSeveralProblemsTheFormerOrderWins() {
        String tooLongEmail = "a".repeat(400) + "@acme.test";
        assertThat(firstProblem(new ContactForm(" ", tooLongEmail, "\u0000"), ContactForm.PROBLEMS))
                .isEqualTo("contacts.form.nameBlank");
        assertThat(firstProblem(new ContactForm("Alice", tooLongEmail, "\u0000"), ContactForm.PROBLEMS))
                .isEqualTo("contacts.form.controlCharacters");
        assertThat(firstProblem(new ContactForm("Alice", "not an address", "9".repeat(41)), ContactForm.PROBLEMS))
                .isEqualTo("contacts.form.emailInvalid");
        assertThat(firstProblem(new NewPortalUserForm(null, "Alice", "", "9".repeat(41)), NewPortalUserForm.PROBLEMS))
                .isEqualTo("contacts.form.phoneTooLong");
        assertThat(firstProblem(new NewPortalUserForm(null, "Alice", " ", "+31"), NewPortalUserForm.PROBLEMS))
                .isEqualTo("users.new.emailBlank");
    }

    /** ContactForm#problem as it was hand-written. */
    private static String before(String name, String email, String phone) {
        if (name == null || name.isBlank()) {
            return "contacts.form.nameBlank";
        }
        if (name.strip().length() > ContactDetails.MAX_NAME) {
            return "contacts.form.nameTooLong";
        }
        if (control(name) || control(email) || control(phone)) {
            return "contacts.form.controlCharacters";
        }
        if (email != null && email.strip().length() > ContactDetails.MAX_EMAIL) {
            return "contacts.form.emailTooLong";
        }
        if (email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
            return "contacts.form.emailInvalid";
        }
        if (phone != null && phone.strip().length() > ContactDetails.MAX_PHONE) {
            return "contacts.form.phoneTooLong";
        }
        return null;
    }

    private static boolean control(String value) {
        return value != null
                && value.codePoints()
                        .anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }
}
