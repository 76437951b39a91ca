package dev.latchkey.signin;

import dev.latchkey.shared.web.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * The password step's input: a blank one comes before a too long one, and both before a user name with control or
 * format characters, which no email address holds (NUL, bidi overrides, …) ({@link #PROBLEMS}).
 */
record LoginForm(
        @NotBlank(message = LoginForm.BLANK)
        @Size(max = LoginForm.MAX_USERNAME, message = LoginForm.TOO_LONG)
        @NoControlCharacters(message = LoginForm.MALFORMED)
        String username,

        @NotEmpty(message = LoginForm.BLANK) @Size(max = LoginForm.MAX_PASSWORD, message = LoginForm.TOO_LONG)
        String password) {

    static final int MAX_USERNAME = 320;
    static final int MAX_PASSWORD = 1024;
    static final String BLANK = "signin.blank";
    static final String TOO_LONG = "signin.tooLong";
    static final String MALFORMED = "signin.malformed";
    /** The message keys of the constraints, in the order the page shows them. */
    static final String[] PROBLEMS = {BLANK, TOO_LONG, MALFORMED};
}
