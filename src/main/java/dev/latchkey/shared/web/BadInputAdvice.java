package dev.latchkey.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns bad input into a clear 4xx page: never a 500, never a stack trace. */
@ControllerAdvice
class BadInputAdvice {

    @ExceptionHandler(BadInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView badInput(BadInputException ex) {
        return ErrorPage.of(HttpStatus.BAD_REQUEST, ex.messageKey());
    }

    @ExceptionHandler({
        MissingServletRequestParameterException.class,
        MethodArgumentTypeMismatchException.class,
        HandlerMethodValidationException.class,
        BindException.class
    })
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView malformed(Exception ex) {
        return ErrorPage.of(HttpStatus.BAD_REQUEST, "error.badRequest");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    @ResponseStatus(HttpStatus.METHOD_NOT_ALLOWED)
    ModelAndView method(Exception ex) {
        return ErrorPage.of(HttpStatus.METHOD_NOT_ALLOWED, "error.405");
    }

    @ExceptionHandler({NoResourceFoundException.class, NotFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound(Exception ex) {
        return ErrorPage.of(HttpStatus.NOT_FOUND, "error.404");
    }
}
