package dev.latchkey.signin;

import dev.latchkey.shared.LatchkeyProperties;
import dev.latchkey.users.PasswordPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.mockito.Mockito;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The application's own security filter chains (realm access, CSRF, headers, login redirects) for a {@code @WebMvcTest}
 * slice, which does not scan configuration classes: import this next to the controller under test, so the slice answers
 * as the application does instead of with Spring Boot's default security.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, SignOut.class})
@EnableConfigurationProperties(LatchkeyProperties.class)
public class WebSecuritySlice {

    /** For {@code NewPasswordFieldsAdvice}, which a slice picks up with every advice; no slice renders its hints. */
    @Bean
    PasswordPolicy passwordPolicy() {
        return Mockito.mock(PasswordPolicy.class);
    }

    /** A fixed clock: nothing in a slice may depend on the time it runs. */
    @Bean
    Clock clock() {
        return Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
    }

    /** A session signed in to {@code realm} (a site's slug), as the sign-in flow leaves it. */
    public static Authentication portalUser(String realm) {
        LatchkeyPrincipal principal = new LatchkeyPrincipal(42, realm, "user@" + realm + ".test", "Slice User", null);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of());
    }
}
