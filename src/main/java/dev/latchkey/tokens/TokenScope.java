package dev.latchkey.tokens;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a token may do, by its {@link #code()}: the string stored with the token, shown on the admin page and granted to
 * an API call as the authority {@code SCOPE_<code>}. The {@code api} module's {@code ApiScope} names the same codes.
 */
public enum TokenScope {
    READ("read"),
    ACCOUNTS_WRITE("accounts:write"),
    CONTACTS_WRITE("contacts:write"),
    USERS_WRITE("users:write"),
    SITES_WRITE("sites:write"),
    AUDIT_READ("audit:read");

    private final String code;

    TokenScope(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<TokenScope> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
