package dev.latchkey.signin;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.session.web.http.CookieSerializer;

/**
 * One filter chain for the pages. The password and code steps are ordinary controllers (the sign-in module decides when
 * a session is signed in); this chain guards the pages, CSRF, logout and the headers. A second, smaller chain opens the
 * read-only Actuator endpoints (health groups, Prometheus) on the management port only (F-OPS-2). Within a realm, what
 * a role may do is declared on the handlers with method security ({@code @PreAuthorize}), checked against the
 * authorities {@link SignInSession} grants.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SignInProperties.class)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    CookieSerializer sessionCookies() {
        return new SessionCookies();
    }

    /** Before Spring Security (order -100), after Spring Session's repository filter. */
    @Bean
    FilterRegistrationBean<AbsoluteSessionTimeout> absoluteSessionTimeout(SignInProperties properties, Clock clock) {
        FilterRegistrationBean<AbsoluteSessionTimeout> registration =
                new FilterRegistrationBean<>(new AbsoluteSessionTimeout(properties, clock));
        registration.setOrder(-101);
        return registration;
    }

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return new SessionlessCsrfTokens();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    RequestCache requestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    /**
     * The management port's endpoints: read-only, no session, no cookie. They are not on the public port at all
     * ({@code management.server.port}); deployments keep the management port off the load balancer.
     */
    @Bean
    @Order(0)
    SecurityFilterChain managementEndpoints(HttpSecurity http) {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> anonymous.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable());
        return http.build();
    }

    @Bean
    SecurityFilterChain filterChain(
            HttpSecurity http,
            SecurityContextRepository contexts,
            CsrfTokenRepository csrfTokens,
            RequestCache requestCache,
            SignOut signOut) {
        RealmLoginRedirect loginRedirect = new RealmLoginRedirect(requestCache);
        RealmAccess realmAccess = new RealmAccess();
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/", "/error", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/dev/**")
                        .permitAll()
                        .requestMatchers("/sites/{slug}/login", "/sites/{slug}/login/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/sites/{slug}/brand.css", "/sites/{slug}/logo.png")
                        .permitAll()
                        .requestMatchers("/admin/login", "/admin/login/**")
                        .permitAll()
                        .requestMatchers("/sites/{slug}/invitation/**", "/admin/invitation/**")
                        .permitAll()
                        .requestMatchers("/sites/{slug}/forgot-password", "/admin/forgot-password")
                        .permitAll()
                        .requestMatchers("/sites/{slug}/password-reset/**", "/admin/password-reset/**")
                        .permitAll()
                        .requestMatchers("/sites/{slug}/confirm-email/**")
                        .permitAll()
                        .requestMatchers("/sites/{slug}", "/sites/{slug}/**", "/admin", "/admin/**")
                        .access(realmAccess)
                        .anyRequest()
                        .denyAll())
                .securityContext(context -> context.securityContextRepository(contexts))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(loginRedirect).accessDeniedHandler(loginRedirect))
                .logout(logout -> logout.logoutRequestMatcher(new OrRequestMatcher(
                                pathPattern(HttpMethod.POST, "/sites/{slug}/logout"),
                                pathPattern(HttpMethod.POST, "/admin/logout")))
                        .addLogoutHandler(signOut)
                        .logoutSuccessHandler(signOut))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable());
        return http.build();
    }
}
