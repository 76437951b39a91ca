package dev.latchkey.signin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** The password step's input: a blank one comes before a too long one ({@link #PROBLEMS}). */
record LoginForm(
        @NotBlank(message = LoginForm.BLANK) @Size(max = LoginForm.MAX_USERNAME, message = LoginForm.TOO_LONG)
        String username,

        @NotEmpty(message = LoginForm.BLANK) @Size(max = LoginForm.MAX_PASSWORD, message = LoginForm.TOO_LONG)
        String password) {

    static final int MAX_USERNAME = 320;
    static final int MAX_PASSWORD = 1024;
    static final String BLANK = "signin.blank";
    static final String TOO_LONG = "signin.tooLong";
    /** The message keys of the constraints, in the order the page shows them. */
    static final String[] PROBLEMS = {BLANK, TOO_LONG};

    /** No email address holds control or format characters (NUL, bidi overrides, …). */
    boolean malformed() {
        return username.codePoints()
                .anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }
}
