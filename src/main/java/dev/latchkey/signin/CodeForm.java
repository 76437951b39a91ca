package dev.latchkey.signin;

import jakarta.validation.constraints.Size;

/** The code step's input: at most a few characters, checked before any look-up. */
record CodeForm(
        @Size(max = CodeForm.MAX_LENGTH, message = CodeForm.MALFORMED)
        String code) {

    static final int MAX_LENGTH = 32;
    static final String MALFORMED = "code.malformed";
}
