package dev.latchkey.signin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie (ASVS V3.3): always {@code HttpOnly} and {@code SameSite=Lax}; {@code Secure} unless the request
 * is plain HTTP to localhost (local development); on HTTPS named {@code __Host-SESSION}, which browsers accept only
 * when Secure, host-only and for path {@code /}.
 */
final class SessionCookies implements CookieSerializer {

    private final DefaultCookieSerializer localDevelopment = serializer("SESSION", false);
    private final DefaultCookieSerializer plainHttp = serializer("SESSION", true);
    private final DefaultCookieSerializer https = serializer("__Host-SESSION", true);

    @Override
    public void writeCookieValue(CookieValue cookieValue) {
        pick(cookieValue.getRequest()).writeCookieValue(cookieValue);
    }

    @Override
    public List<String> readCookieValues(HttpServletRequest request) {
        return pick(request).readCookieValues(request);
    }

    private DefaultCookieSerializer pick(HttpServletRequest request) {
        if (request.isSecure()) {
            return https;
        }
        return isLocalhost(request.getServerName()) ? localDevelopment : plainHttp;
    }

    static boolean isLocalhost(String host) {
        return "localhost".equalsIgnoreCase(host)
                || "127.0.0.1".equals(host)
                || "[::1]".equals(host)
                || "::1".equals(host);
    }

    private static DefaultCookieSerializer serializer(String name, boolean secure) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(name);
        serializer.setCookiePath("/");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setUseSecureCookie(secure);
        serializer.setUseBase64Encoding(true);
        return serializer;
    }
}
