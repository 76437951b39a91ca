package dev.latchkey.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.sites.Realm;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The remembered browser's cookie: as the session cookie, Secure everywhere but plain HTTP to localhost. */
class RememberCookieTests {

    private static final Realm ACME = new Realm(1L, "acme", "Acme");

    @Test
    void onHttpsTheCookieIsSecureAndCarriesTheSecurePrefix() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSecure(true);
        request.setServerName("portal.example.com");
        String header = written(request, ACME);
        assertThat(header)
                .startsWith(RememberCookie.SECURE_NAME + "=")
                .contains("Path=/sites/acme/", "Secure", "HttpOnly", "SameSite=Lax", "Max-Age=2592000");
    }

    @Test
    void plainHttpElsewhereThanLocalhostStillAsksForSecure() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setServerName("portal.example.com");
        assertThat(written(request, Realm.ADMIN)).contains("Path=/admin/", "Secure", "HttpOnly");
    }

    @Test
    void plainHttpToLocalhostIsDevelopmentAndNotSecure() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setServerName("localhost");
        assertThat(written(request, ACME)).startsWith(RememberCookie.NAME + "=").doesNotContain("Secure");
    }

    @Test
    void tokensAreLongRandomAndOnlyWellFormedOnesAreRead() {
        String token = RememberCookie.newToken();
        assertThat(token).hasSize(43).isNotEqualTo(RememberCookie.newToken());
        assertThat(RememberCookie.hash(token)).hasSize(64).isNotEqualTo(token);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(
                new Cookie(RememberCookie.NAME, "short"),
                new Cookie(RememberCookie.NAME, "A".repeat(5000)),
                new Cookie(RememberCookie.NAME, token.substring(1) + "!"),
                new Cookie("OTHER", RememberCookie.newToken()),
                new Cookie(RememberCookie.NAME, token));
        assertThat(RememberCookie.tokens(request)).containsExactly(token);
    }

    private static String written(MockHttpServletRequest request, Realm realm) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        RememberCookie.write(request, response, realm, RememberCookie.newToken(), Duration.ofDays(30));
        return response.getHeader("Set-Cookie");
    }
}
