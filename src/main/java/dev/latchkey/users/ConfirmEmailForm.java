package dev.latchkey.users;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** The confirm-email page's input: the user's current password; a blank one comes before a too long one. */
record ConfirmEmailForm(
        @NotEmpty(message = ConfirmEmailForm.BLANK)
        @Size(max = Users.MAX_PASSWORD_LENGTH, message = ConfirmEmailForm.TOO_LONG)
        String password) {

    static final String BLANK = "confirmEmail.password.blank";
    static final String TOO_LONG = "confirmEmail.password.tooLong";
    /** The message keys of the constraints, in the order the page shows them. */
    static final String[] PROBLEMS = {BLANK, TOO_LONG};
}
