package dev.latchkey.admin;

import dev.latchkey.shared.web.ErrorPage;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A signed-in admin asking for what their role may not do (a site admin and a {@link SystemAdminsOnly} action) is told
 * exactly that, as a refusal: not the "your form may have expired" page of a stale form token. The pages already hide
 * what the role cannot use; this answers a hand-made request or a page left open while the role changed.
 */
@ControllerAdvice(basePackageClasses = RefusalAdvice.class)
class RefusalAdvice {

    private static final Logger log = LoggerFactory.getLogger(RefusalAdvice.class);

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView refused(AccessDeniedException ex, HttpServletRequest request) {
        log.info("Refused {} {}: system admins only", request.getMethod(), request.getRequestURI());
        return ErrorPage.of(HttpStatus.FORBIDDEN, "admin.refused");
    }
}
