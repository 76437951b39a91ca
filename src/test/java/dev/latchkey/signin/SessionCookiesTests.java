package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer.CookieValue;

/** ASVS V3.3: HttpOnly and SameSite always, Secure outside plain localhost, the __Host- prefix on HTTPS. */
class SessionCookiesTests {

    private final SessionCookies cookies = new SessionCookies();

    @Test
    void plainHttpToLocalhostIsLocalDevelopment() {
        String header = write("http", "localhost");
        assertThat(header)
                .startsWith("SESSION=")
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .doesNotContain("Secure");
    }

    @Test
    void plainHttpToAnyOtherHostStillGetsASecureCookie() {
        assertThat(write("http", "portal.example.com"))
                .startsWith("SESSION=")
                .contains("Secure")
                .contains("HttpOnly");
    }

    @Test
    void httpsGetsTheHostPrefixedSecureCookieForTheWholeHost() {
        String header = write("https", "portal.example.com");
        assertThat(header)
                .startsWith("__Host-SESSION=")
                .contains("Secure")
                .contains("Path=/")
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .doesNotContain("Domain=");
    }

    @Test
    void readsTheCookieOfTheSchemeOnly() {
        MockHttpServletRequest https = request("https", "portal.example.com");
        https.setCookies(
                new jakarta.servlet.http.Cookie("SESSION", "cGxhaW4="),
                new jakarta.servlet.http.Cookie("__Host-SESSION", "aG9zdA=="));
        assertThat(cookies.readCookieValues(https)).containsExactly("host");
    }

    private String write(String scheme, String host) {
        MockHttpServletRequest request = request(scheme, host);
        MockHttpServletResponse response = new MockHttpServletResponse();
        cookies.writeCookieValue(new CookieValue(request, response, "abc"));
        return response.getHeader("Set-Cookie");
    }

    private static MockHttpServletRequest request(String scheme, String host) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setScheme(scheme);
        request.setSecure("https".equals(scheme));
        request.setServerName(host);
        return request;
    }
}
