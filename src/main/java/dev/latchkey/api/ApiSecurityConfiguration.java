package dev.latchkey.api;

import dev.latchkey.tokens.ApiTokens;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The filter chain of {@code /api/**}, ahead of the pages' chain (which has no order) and after the management chain
 * (order 0): stateless, so no session is created or read and no cookie counts as a credential, hence no CSRF token
 * either; a bearer token ({@link ApiTokenFilter}) is the only way in, and method security ({@code @PreAuthorize})
 * checks each handler's scope. Tokens never open a page: the pages' chain knows no bearer tokens.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain apiEndpoints(
            HttpSecurity http, ApiTokens tokens, ApiProblems problems, ApplicationEventPublisher events) {
        ApiAccessProblems refusals = new ApiAccessProblems(problems);
        RequestAttributeSecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();
        ApiTokenFilter tokenFilter = new ApiTokenFilter(tokens, refusals, problems, events, contexts);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .addFilterAt(tokenFilter, BasicAuthenticationFilter.class)
                .addFilterAfter(new RequestSizeLimit(problems), BasicAuthenticationFilter.class)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(contexts))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable());
        return http.build();
    }

    /** Before the session filter, so an API error dispatch never loads a session. */
    @Bean
    FilterRegistrationBean<ApiErrorFilter> apiErrorFilter(ApiProblems problems) {
        FilterRegistrationBean<ApiErrorFilter> registration =
                new FilterRegistrationBean<>(new ApiErrorFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setDispatcherTypes(DispatcherType.ERROR);
        return registration;
    }
}
