package dev.latchkey.devices;

import dev.latchkey.sites.Realm;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.http.ResponseCookie;

/**
 * The cookie of a remembered browser: 256 random bits, {@code HttpOnly}, {@code SameSite=Lax}, scoped to the realm's
 * path ({@code /sites/{slug}/} or {@code /admin/}), so one site's cookie never reaches another. {@code Secure} as the
 * session cookie is (see signin's SessionCookies): always, except plain HTTP to localhost in development; on HTTPS its
 * name carries the {@code __Secure-} prefix, which browsers accept only from a secure origin.
 */
final class RememberCookie {

    static final String NAME = "LATCHKEY_BROWSER";
    static final String SECURE_NAME = "__Secure-" + NAME;

    private static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** A browser sends at most a few cookies of one name (other paths); more are not looked at. */
    private static final int MAX_VALUES = 4;

    private static final SecureRandom RANDOM = new SecureRandom();

    private RememberCookie() {}

    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A random 128-bit name for a row in pages and forms. */
    static String newHandle() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** What the server keeps of a token: a SHA-256 is enough for 256 random bits. */
    static String hash(String token) {
        return DigestUtils.sha256Hex(token);
    }

    /** The well-formed tokens this request presents; anything malformed or oversized is ignored. */
    static List<String> tokens(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return List.of();
        }
        String name = name(request);
        return Arrays.stream(cookies)
                .filter(c -> name.equals(c.getName()))
                .map(Cookie::getValue)
                .filter(v -> v != null && v.length() == 43 && TOKEN.matcher(v).matches())
                .limit(MAX_VALUES)
                .toList();
    }

    static void write(
            HttpServletRequest request, HttpServletResponse response, Realm realm, String token, Duration age) {
        response.addHeader(
                "Set-Cookie",
                ResponseCookie.from(name(request), token)
                        .path(realm.basePath() + "/")
                        .maxAge(age)
                        .httpOnly(true)
                        .secure(secure(request))
                        .sameSite("Lax")
                        .build()
                        .toString());
    }

    private static String name(HttpServletRequest request) {
        return request.isSecure() ? SECURE_NAME : NAME;
    }

    private static boolean secure(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        String host = request.getServerName();
        boolean localhost = "localhost".equalsIgnoreCase(host)
                || "127.0.0.1".equals(host)
                || "[::1]".equals(host)
                || "::1".equals(host);
        return !localhost;
    }
}
