package dev.latchkey.tokens;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/**
 * The new-token form of {@code /admin/api-tokens}: a name, the scope codes ticked and the days it stays valid (absent:
 * {@link #DEFAULT_DAYS}). Only the days are the form's to check ({@link #PROBLEMS}), before anything else; the name and
 * the scopes are {@link ApiTokens}' rules.
 */
record TokenForm(
        String name,
        List<String> scopes,

        @Min(value = 1, message = TokenForm.BAD_EXPIRY) @Max(value = TokenForm.MAX_DAYS, message = TokenForm.BAD_EXPIRY)
        Integer days) {

    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 365;
    static final String BAD_EXPIRY = "api.tokens.badExpiry";
    /** The message keys of the constraints, in the order the page shows them. */
    static final String[] PROBLEMS = {BAD_EXPIRY};

    TokenForm {
        name = name == null ? "" : name.strip();
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    static TokenForm empty() {
        return new TokenForm("", List.of(TokenScope.READ.code()), DEFAULT_DAYS);
    }
}
