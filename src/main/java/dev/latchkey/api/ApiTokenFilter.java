package dev.latchkey.api;

import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.shared.web.RetryAfter;
import dev.latchkey.tokens.Admission;
import dev.latchkey.tokens.ApiCalled;
import dev.latchkey.tokens.ApiTokens;
import dev.latchkey.tokens.ValidToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API call by its bearer token (F-API-2), and only by it: a session or a cookie is never looked at. A
 * call without a valid token is answered 401 here; a valid one is counted against the token's rate limit (429 with
 * {@code Retry-After} when over it), goes on with the token's scopes as authorities, and is audited when it ends with
 * the token's name, the method, the path and the status ({@link ApiCalled}).
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenFilter.class);
    private static final String SCHEME = "Bearer ";

    private final ApiTokens tokens;
    private final ApiAccessProblems refusals;
    private final ApiProblems problems;
    private final ApplicationEventPublisher events;
    private final SecurityContextRepository contexts;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    ApiTokenFilter(
            ApiTokens tokens,
            ApiAccessProblems refusals,
            ApiProblems problems,
            ApplicationEventPublisher events,
            SecurityContextRepository contexts) {
        this.tokens = tokens;
        this.refusals = refusals;
        this.problems = problems;
        this.events = events;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = bearer(request);
        if (presented.isEmpty()) {
            refusals.unauthorized(request, response, "no or malformed Authorization header");
            return;
        }
        Optional<ValidToken> token = tokens.authenticate(presented.get());
        if (token.isEmpty()) {
            refusals.unauthorized(request, response, "unknown, expired or revoked token");
            return;
        }
        Admission admission = tokens.admit(token.get().id());
        if (admission.revoked()) {
            refusals.unauthorized(request, response, "token revoked");
            return;
        }
        if (!admission.admitted()) {
            long seconds = RetryAfter.set(response, admission.retryAfter());
            log.debug(
                    "API call of token {} over its rate limit, retry after {} s",
                    token.get().id(),
                    seconds);
            problems.write(
                    request,
                    response,
                    ApiProblems.problem(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "This token made too many calls; try again in " + seconds + " s."));
            return;
        }
        ApiCaller caller = ApiCaller.of(token.get());
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(new ApiAuthentication(caller));
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            int status = failed ? HttpStatus.INTERNAL_SERVER_ERROR.value() : response.getStatus();
            events.publishEvent(new ApiCalled(
                    caller.tokenId(),
                    caller.name(),
                    ApiProblems.loggedMethod(request),
                    ApiProblems.loggedPath(request),
                    status,
                    ClientInfo.of(request)));
        }
    }

    /** The token of the one {@code Authorization: Bearer} header; empty when missing, repeated or malformed. */
    private static Optional<String> bearer(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders(HttpHeaders.AUTHORIZATION);
        if (headers == null || !headers.hasMoreElements()) {
            return Optional.empty();
        }
        String header = headers.nextElement();
        if (headers.hasMoreElements()
                || header == null
                || header.length() <= SCHEME.length()
                || header.length() > 200
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(SCHEME.length()).trim());
    }
}
