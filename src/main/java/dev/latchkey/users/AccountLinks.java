package dev.latchkey.users;

import dev.latchkey.shared.LatchkeyProperties;
import dev.latchkey.sites.Realm;
import org.springframework.stereotype.Component;

/**
 * The public addresses that emails link to ({@code latchkey.base-url} plus the realm's path): the security emails' "if
 * this was not you, reset your password" link (F-ACCOUNT-1) and the single-use links of {@link Invitations}.
 */
@Component
public class AccountLinks {

    private final LatchkeyProperties properties;

    AccountLinks(LatchkeyProperties properties) {
        this.properties = properties;
    }

    /** {@code {base-url}/sites/acme/forgot-password}, or {@code {base-url}/admin/forgot-password}. */
    public String forgotPassword(Realm realm) {
        return page(realm, "forgot-password");
    }

    /** {@code {base-url}{realm base path}/{page}}. */
    String page(Realm realm, String page) {
        return properties.baseUrl().toString().replaceAll("/+$", "") + realm.basePath() + "/" + page;
    }
}
