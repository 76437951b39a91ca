package dev.latchkey.api;

import dev.latchkey.tokens.TokenScope;
import java.util.Arrays;

/**
 * What an API token may do. A handler declares the scope it needs with method security, e.g.
 * {@code @PreAuthorize("hasAuthority('SCOPE_contacts:write')")}; a call without it gets a 403 problem. The codes are
 * the ones the {@code tokens} module stores ({@link TokenScope}).
 */
public enum ApiScope {
    READ("read"),
    ACCOUNTS_WRITE("accounts:write"),
    CONTACTS_WRITE("contacts:write"),
    USERS_WRITE("users:write"),
    SITES_WRITE("sites:write"),
    AUDIT_READ("audit:read");

    private final String code;

    ApiScope(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The authority a call of a token with this scope has: {@code SCOPE_<code>}. */
    public String authority() {
        return "SCOPE_" + code;
    }

    /** The scope the token store names {@code scope}. */
    public static ApiScope of(TokenScope scope) {
        return Arrays.stream(values())
                .filter(s -> s.code.equals(scope.code()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no API scope " + scope.code()));
    }

    /** The token store's name of this scope. */
    public TokenScope tokenScope() {
        return TokenScope.ofCode(code).orElseThrow(() -> new IllegalStateException("no token scope " + code));
    }
}
