package dev.latchkey.signin;

import dev.latchkey.sites.Realm;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which realm a request path belongs to: {@code /sites/{slug}/…} or {@code /admin/…}. */
final class RealmPaths {

    private static final Pattern SITE = Pattern.compile("^/sites/([a-z0-9][a-z0-9-]{1,39})(/.*)?$");
    private static final Pattern ADMIN = Pattern.compile("^/admin(/.*)?$");

    private RealmPaths() {}

    /** The realm key ({@code admin} or a slug) of the request's path. */
    static Optional<String> realmKey(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (ADMIN.matcher(path).matches()) {
            return Optional.of(Realm.ADMIN_KEY);
        }
        Matcher site = SITE.matcher(path);
        return site.matches() ? Optional.of(site.group(1)) : Optional.empty();
    }

    static String homePath(String realmKey) {
        return Realm.ADMIN_KEY.equals(realmKey) ? "/admin/" : "/sites/" + realmKey + "/";
    }

    static String loginPath(String realmKey) {
        return Realm.ADMIN_KEY.equals(realmKey) ? "/admin/login" : "/sites/" + realmKey + "/login";
    }
}
