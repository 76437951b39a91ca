package dev.latchkey.admin;

import dev.latchkey.accounts.ContactDetails;
import dev.latchkey.shared.web.NoControlCharacters;
import dev.latchkey.shared.web.StrippedPattern;
import dev.latchkey.shared.web.StrippedSize;
import jakarta.validation.constraints.NotBlank;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * F-ADMIN-7: a portal user to create and invite: the site's slug, and the person with the constraints of a contact
 * ({@link ContactForm}), whose problems come first; a portal user also needs an email address ({@link #PROBLEMS}).
 */
record NewPortalUserForm(
        String site,

        @NotBlank(message = ContactForm.NAME_BLANK)
        @StrippedSize(max = ContactForm.MAX_NAME, message = ContactForm.NAME_TOO_LONG)
        @NoControlCharacters(message = ContactForm.CONTROL_CHARACTERS)
        String name,

        @NoControlCharacters(message = ContactForm.CONTROL_CHARACTERS)
        @StrippedSize(max = ContactForm.MAX_EMAIL, message = ContactForm.EMAIL_TOO_LONG)
        @StrippedPattern(
                regexp = ContactDetails.EMAIL_PATTERN,
                max = ContactForm.MAX_EMAIL,
                message = ContactForm.EMAIL_INVALID)
        @NotBlank(message = NewPortalUserForm.EMAIL_BLANK)
        String email,

        @NoControlCharacters(message = ContactForm.CONTROL_CHARACTERS)
        @StrippedSize(max = ContactForm.MAX_PHONE, message = ContactForm.PHONE_TOO_LONG)
        String phone) {

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
