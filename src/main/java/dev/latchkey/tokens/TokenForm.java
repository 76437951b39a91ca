package dev.latchkey.tokens;

import java.util.List;

/** The new-token form of {@code /admin/api-tokens}: a name, the scope codes ticked and the days it stays valid. */
record TokenForm(String name, List<String> scopes, Integer days) {

    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 365;

    TokenForm {
        name = name == null ? "" : name.strip();
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    static TokenForm empty() {
        return new TokenForm("", List.of(TokenScope.READ.code()), DEFAULT_DAYS);
    }
}
