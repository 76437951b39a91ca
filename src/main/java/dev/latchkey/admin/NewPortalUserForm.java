package dev.latchkey.admin;

import jakarta.validation.constraints.NotBlank;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * F-ADMIN-7: a portal user to create and invite: the site's slug, and the person with the constraints of a contact
 * ({@link ContactFields}), whose problems come first; a portal user also needs an email address ({@link #PROBLEMS}).
 */
record NewPortalUserForm(
        String site,
        @ContactFields.Name String name,

        @ContactFields.Email @NotBlank(message = NewPortalUserForm.EMAIL_BLANK)
        String email,

        @ContactFields.Phone String phone) {

    static final String EMAIL_BLANK = "users.new.emailBlank";
    /** The message keys of the constraints, in the order the page shows them: a contact's, then a blank email. */
    static final String[] PROBLEMS = Stream.concat(Arrays.stream(ContactForm.PROBLEMS), Stream.of(EMAIL_BLANK))
            .toArray(String[]::new);

    static NewPortalUserForm empty() {
        return new NewPortalUserForm(null, "", "", "");
    }

    ContactForm person() {
        return new ContactForm(name, email, phone);
    }
}
