package dev.latchkey.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API chain's refusals: no valid token is 401 with {@code WWW-Authenticate: Bearer}, a missing scope 403; both as
 * problem+json, never a redirect to a login page. Every refusal looks the same, whatever the reason (no header, a
 * malformed one, an unknown, expired or revoked token), so a caller learns nothing about other people's tokens.
 */
final class ApiAccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String BEARER = "Bearer";
    static final String UNAUTHORIZED = "A valid API token is required: Authorization: Bearer lk_...";
    static final String FORBIDDEN = "The API token lacks the scope this operation needs.";

    private static final Logger log = LoggerFactory.getLogger(ApiAccessProblems.class);

    private final ApiProblems problems;

    ApiAccessProblems(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        unauthorized(request, response, "no token");
    }

    /** 401 and one log line; {@code reason} is for the log only and never names the token. */
    void unauthorized(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        log.info("API {} {} -> 401 ({})", ApiProblems.loggedMethod(request), ApiProblems.loggedPath(request), reason);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BEARER);
        problems.write(request, response, ApiProblems.problem(HttpStatus.UNAUTHORIZED, UNAUTHORIZED));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        log.info("API {} {} -> 403", ApiProblems.loggedMethod(request), ApiProblems.loggedPath(request));
        problems.write(request, response, ApiProblems.problem(HttpStatus.FORBIDDEN, FORBIDDEN));
    }
}
