package dev.latchkey.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The error dispatch of an API call ({@code /error} after a {@code sendError} by a filter or the container, or an
 * exception nothing handled) answers problem+json with the status, instead of the pages' HTML error page. It runs
 * before the session and security filters, so an API error never loads a session either.
 */
final class ApiErrorFilter extends OncePerRequestFilter {

    private final ApiProblems problems;

    ApiErrorFilter(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getDispatcherType() != DispatcherType.ERROR || !ApiProblems.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 && value < 600 ? value : 500;
        String detail = status >= 500 ? "The server could not answer this request." : null;
        problems.write(request, response, ApiProblems.problem(HttpStatusCode.valueOf(status), detail));
    }
}
