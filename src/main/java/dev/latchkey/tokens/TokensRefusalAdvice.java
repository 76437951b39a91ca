package dev.latchkey.tokens;

import dev.latchkey.shared.web.ErrorPage;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A site admin on the API tokens page gets the admin site's refusal page (403), as on every system-only page. */
@ControllerAdvice(basePackageClasses = TokensRefusalAdvice.class)
class TokensRefusalAdvice {

    private static final Logger log = LoggerFactory.getLogger(TokensRefusalAdvice.class);

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView refused(AccessDeniedException ex, HttpServletRequest request) {
        log.info("Refused {} {}: system admins only", request.getMethod(), request.getRequestURI());
        return ErrorPage.of(HttpStatus.FORBIDDEN, "admin.refused");
    }
}
