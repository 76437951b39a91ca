package dev.latchkey.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * ASVS V7.3: a session ends {@code latchkey.signin.absolute-timeout} (default 12 h) after it began, however active it
 * was. Runs before Spring Security, so the request continues as signed out.
 */
final class AbsoluteSessionTimeout extends OncePerRequestFilter {

    static final String STARTED = AbsoluteSessionTimeout.class.getName() + ".started";

    private final SignInProperties properties;
    private final Clock clock;

    AbsoluteSessionTimeout(SignInProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Stylesheets, scripts, images and the API never need the session: don't load it from the database for them. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/img/")
                || path.equals("/favicon.ico")
                // the API never uses a session (its own stateless chain): a cookie sent along is not even loaded
                || path.equals("/api")
                || path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            // the start is kept with the application's clock, the one every other timeout here uses
            Instant began = (Instant) session.getAttribute(STARTED);
            if (began == null) {
                session.setAttribute(STARTED, clock.instant());
            } else if (!clock.instant().isBefore(began.plus(properties.absoluteTimeout()))) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
