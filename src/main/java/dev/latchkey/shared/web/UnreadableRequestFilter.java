package dev.latchkey.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.StringUtils;

/**
 * Reads a request's parameters (query string, form or multipart body) before any other filter does. A request that
 * cannot be parsed (a malformed or oversized body, too many parts or fields, a broken escape) gets a 4xx error page and
 * one log line, and goes no further: no session, no CSRF check, no controller (SECURITY.md, "Flooding the log").
 *
 * <p>Before, the first reader was Spring Security's CSRF filter: Tomcat's parse exception escaped the filter chain and
 * was logged as an ERROR with two stack traces, about 230 lines a request, the second because the error page failed on
 * the same body. The error page of a refused request now sees the request without its body.
 */
final class UnreadableRequestFilter implements Filter {

    private static final Logger log = LoggerFactory.getLogger(UnreadableRequestFilter.class);
    private static final String REFUSED = UnreadableRequestFilter.class.getName() + ".refused";
    private static final int MAX_LOGGED_SEGMENT = 16;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // the error page of a request refused below must not try to read its body again
            chain.doFilter(request.getAttribute(REFUSED) != null ? new WithoutParameters(request) : request, res);
            return;
        }
        try {
            request.getParameterMap();
            if (StringUtils.startsWithIgnoreCase(request.getContentType(), "multipart/")) {
                // any multipart type, as Spring's multipart resolver takes them (Tomcat's parameters only form-data)
                request.getParts();
            }
        } catch (IllegalStateException | IOException | ServletException ex) {
            // Tomcat's InvalidParameterException carries the status (400, or 413 for a size limit); the servlet API
            // itself only promises an IllegalStateException
            int status = ex instanceof InvalidParameterException invalid
                            && invalid.getErrorCode() >= 400
                            && invalid.getErrorCode() < 500
                    ? invalid.getErrorCode()
                    : HttpServletResponse.SC_BAD_REQUEST;
            log.info(
                    "Refused a request that cannot be parsed: {} {} -> {} ({})",
                    cut(request.getMethod(), 16),
                    path(request),
                    status,
                    rootCause(ex).getClass().getSimpleName());
            request.setAttribute(REFUSED, status);
            HttpServletResponse response = (HttpServletResponse) res;
            if (!response.isCommitted()) { // a client that stopped sending mid-body may already have been answered
                response.sendError(status);
            }
            return;
        }
        chain.doFilter(req, res);
    }

    private static Throwable rootCause(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * The path for the log line. A segment long enough to be a token (invitation links carry one) is left out: tokens
     * are never logged.
     */
    private static String path(HttpServletRequest request) {
        String path = Arrays.stream(request.getRequestURI().split("/", -1))
                .map(segment -> segment.length() > MAX_LOGGED_SEGMENT ? "…" : segment)
                .collect(Collectors.joining("/"));
        return cut(path, 200);
    }

    /** At most {@code max} characters, without control characters: a log line stays one line. */
    private static String cut(String value, int max) {
        String text = value == null ? "" : value.replaceAll("\\p{Cntrl}", "?");
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /** The request as the error page sees it: no body, no parameters. */
    private static final class WithoutParameters extends HttpServletRequestWrapper {

        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return "Content-Type".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Content-Type".equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** After the character-encoding filter (parameters are decoded with its charset), before the session. */
        @Bean
        FilterRegistrationBean<UnreadableRequestFilter> unreadableRequestFilter() {
            FilterRegistrationBean<UnreadableRequestFilter> registration =
                    new FilterRegistrationBean<>(new UnreadableRequestFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
            return registration;
        }
    }
}
