package dev.latchkey.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A request the server is too busy for is told to come back in a second, at once, in one log line. */
@ControllerAdvice
class TooBusyAdvice {

    static final String RETRY_AFTER_SECONDS = "1";

    private static final Logger log = LoggerFactory.getLogger(TooBusyAdvice.class);

    @ExceptionHandler(TooBusyException.class)
    ModelAndView busy(TooBusyException ex, HttpServletResponse response) {
        log.warn("Answered 429 (try again shortly): {}", ex.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return ErrorPage.of(HttpStatus.TOO_MANY_REQUESTS, "error.429");
    }
}
