package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.latchkey.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** ASVS V3.4: the security headers on every page; HSTS only over HTTPS. */
@IntegrationTest
class SecurityHeadersIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        MockHttpServletResponse page =
                mvc().perform(get("/sites/acme/login")).andReturn().getResponse();
        String csp = page.getHeader("Content-Security-Policy");
        assertThat(csp)
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline")
                .contains("object-src 'none'")
                .contains("base-uri 'none'")
                .contains("form-action 'self'");
        assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getHeader("Cache-Control")).contains("no-store");
        assertThat(page.getHeader("Strict-Transport-Security"))
                .as("never over plain HTTP")
                .isNull();
    }

    @Test
    void httpsResponsesCarryHsts() throws Exception {
        MockHttpServletResponse page =
                mvc().perform(get("/sites/acme/login").secure(true)).andReturn().getResponse();
        assertThat(page.getHeader("Strict-Transport-Security"))
                .contains("max-age=")
                .contains("includeSubDomains");
    }

    private MockMvc mvc() {
        return MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
    }
}
