package dev.latchkey.signin;

import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasRole;
import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import java.time.Clock;
import java.util.Arrays;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
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

    /**
     * The OpenAPI document of the API ({@code springdoc.api-docs.path}) and its explorer, Swagger UI
     * ({@code springdoc.swagger-ui.path}, which redirects to springdoc's assets under {@code /admin/swagger-ui/}): for
     * signed-in system admins only (F-API-3). Springdoc's public defaults ({@code /v3/api-docs}, {@code /swagger-ui})
     * are moved here, and any other path stays denied.
     */
    static final String[] OPENAPI_PATHS = {
        "/admin/api-docs",
        "/admin/api-docs/**",
        "/admin/api-docs.yaml",
        "/admin/api-docs.yaml/**",
        "/admin/api-explorer",
        "/admin/api-explorer/**",
        "/admin/swagger-ui/**"
    };

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
                        .requestMatchers(OPENAPI_PATHS)
                        .access(AuthorizationManagers.allOf(realmAccess, hasRole("ADMIN_SYSTEM")))
                        .requestMatchers("/sites/{slug}", "/sites/{slug}/**", "/admin", "/admin/**")
                        .access(realmAccess)
                        .anyRequest()
                        .denyAll())
                .securityContext(context -> context.securityContextRepository(contexts))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(loginRedirect)
                        .defaultAccessDeniedHandlerFor(systemAdminsOnly(loginRedirect), pathPatterns(OPENAPI_PATHS))
                        .defaultAccessDeniedHandlerFor(loginRedirect, AnyRequestMatcher.INSTANCE))
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

    /**
     * A signed-in site admin who asks for what only system admins may see gets the refusal page that the admin site's
     * method security shows ({@code admin.refused}), not the stale-form {@code 403}; everyone else is handled as
     * anywhere.
     */
    private static AccessDeniedHandler systemAdminsOnly(RealmLoginRedirect loginRedirect) {
        return (request, response, denied) -> {
            request.setAttribute("messageKey", "admin.refused");
            loginRedirect.handle(request, response, denied);
        };
    }

    private static RequestMatcher pathPatterns(String... patterns) {
        return new OrRequestMatcher(Arrays.stream(patterns)
                .map(pattern -> (RequestMatcher) pathPattern(pattern))
                .toList());
    }
}
