package dev.latchkey.api;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request Spring Security's firewall refuses before any filter chain (an encoded NUL, a {@code ;} or {@code //} in
 * the path, a non-printable header): under {@code /api/} a {@code 400} problem+json like every other API error, logged
 * in one line; elsewhere the firewall's own {@code 400}, as before.
 */
@Component
class ApiRequestRejected implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiRequestRejected.class);

    private final ApiProblems problems;
    private final RequestRejectedHandler pages = new HttpStatusRequestRejectedHandler();

    ApiRequestRejected(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException refused)
            throws IOException, ServletException {
        if (!ApiProblems.isApi(request)) {
            pages.handle(request, response, refused);
            return;
        }
        log.info(
                "API {} {} -> 400 (refused by the firewall)",
                ApiProblems.loggedMethod(request),
                ApiProblems.loggedPath(request));
        problems.write(
                request,
                response,
                ApiProblems.problem(HttpStatus.BAD_REQUEST, "The request's path or headers are malformed."));
    }
}
