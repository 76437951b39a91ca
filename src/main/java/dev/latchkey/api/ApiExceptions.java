package dev.latchkey.api;

import dev.latchkey.shared.web.BadInputException;
import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.shared.web.TooBusyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.core.JacksonException;

/**
 * Every exception of an API call, whichever handler (or none: an unknown path, a wrong method) it came from, becomes a
 * problem+json answer here, before the pages' advice could render an HTML error page. Bad input is a 4xx with a
 * {@code detail} and, where fields are to blame, {@code errors: [{field, message}]}; one log line each, never a stack
 * trace. An exception this does not know (a bug) goes on to the usual handling: a 500, logged, and still problem+json
 * through {@link ApiErrorFilter}.
 */
@Component
class ApiExceptions implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptions.class);

    private final ApiProblems problems;
    private final MessageSource messages;

    ApiExceptions(ApiProblems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!ApiProblems.isApi(request)) {
            return null;
        }
        Optional<ProblemDetail> problem = problem(ex, response);
        if (problem.isEmpty()) {
            return null;
        }
        log.info(
                "API {} {} -> {} ({})",
                ApiProblems.loggedMethod(request),
                ApiProblems.loggedPath(request),
                problem.get().getStatus(),
                ex.getClass().getSimpleName());
        try {
            problems.write(request, response, problem.get());
        } catch (IOException gone) {
            log.debug("Could not write the problem of an API call: {}", gone.toString());
        }
        return new ModelAndView();
    }

    /** The answer to {@code ex}, or empty for an exception that is not the caller's doing. */
    Optional<ProblemDetail> problem(Exception ex, HttpServletResponse response) {
        Optional<RequestBodyTooLarge> tooLarge = RequestBodyTooLarge.in(ex);
        if (tooLarge.isPresent()) {
            return Optional.of(ApiProblems.problem(
                    HttpStatus.CONTENT_TOO_LARGE, tooLarge.get().getMessage()));
        }
        if (ex
                instanceof
                java.io.UncheckedIOException) { // a body that broke off or is malformed while read as a stream
            return Optional.of(ApiProblems.problem(HttpStatus.BAD_REQUEST, "The request body could not be read."));
        }
        if (ex instanceof BindingResult binding) { // MethodArgumentNotValidException and other binding failures
            return Optional.of(withErrors(
                    ApiProblems.problem(HttpStatus.BAD_REQUEST, "The request has invalid fields."),
                    fieldErrors(binding)));
        }
        if (ex instanceof HandlerMethodValidationException validation) {
            List<Map<String, String>> errors = new ArrayList<>();
            validation
                    .getParameterValidationResults()
                    .forEach(result -> result.getResolvableErrors()
                            .forEach(error -> errors.add(error(
                                    Optional.ofNullable(
                                                    result.getMethodParameter().getParameterName())
                                            .orElse("parameter"),
                                    error.getDefaultMessage()))));
            return Optional.of(withErrors(
                    ApiProblems.problem(HttpStatus.BAD_REQUEST, "The request has invalid parameters."), errors));
        }
        if (ex instanceof ConstraintViolationException violations) {
            List<Map<String, String>> errors = violations.getConstraintViolations().stream()
                    .map(v -> error(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                    .toList();
            return Optional.of(
                    withErrors(ApiProblems.problem(HttpStatus.BAD_REQUEST, "The request has invalid fields."), errors));
        }
        if (ex instanceof HttpMessageNotReadableException unreadable) {
            return Optional.of(unreadable(unreadable));
        }
        if (ex instanceof MissingServletRequestParameterException missing) {
            return Optional.of(withErrors(
                    ApiProblems.problem(HttpStatus.BAD_REQUEST, "A required parameter is missing."),
                    List.of(error(missing.getParameterName(), "is required"))));
        }
        if (ex instanceof TypeMismatchException mismatch) {
            String name = mismatch.getPropertyName() == null ? "parameter" : mismatch.getPropertyName();
            return Optional.of(withErrors(
                    ApiProblems.problem(HttpStatus.BAD_REQUEST, "A parameter has the wrong type."),
                    List.of(error(name, "has the wrong type"))));
        }
        if (ex instanceof ServletRequestBindingException) {
            return Optional.of(ApiProblems.problem(HttpStatus.BAD_REQUEST, "A required header or value is missing."));
        }
        if (ex instanceof BadInputException bad) {
            return Optional.of(ApiProblems.problem(HttpStatus.BAD_REQUEST, message(bad.messageKey())));
        }
        if (ex instanceof NotFoundException) {
            return Optional.of(ApiProblems.problem(HttpStatus.NOT_FOUND, "No such resource."));
        }
        if (ex instanceof TooBusyException) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            return Optional.of(ApiProblems.problem(HttpStatus.TOO_MANY_REQUESTS, "Too busy; try again shortly."));
        }
        if (ex instanceof AccessDeniedException) {
            return Optional.of(ApiProblems.problem(HttpStatus.FORBIDDEN, ApiAccessProblems.FORBIDDEN));
        }
        if (ex instanceof AuthenticationException) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, ApiAccessProblems.BEARER);
            return Optional.of(ApiProblems.problem(HttpStatus.UNAUTHORIZED, ApiAccessProblems.UNAUTHORIZED));
        }
        if (ex instanceof ErrorResponse known) {
            // ResponseStatusException, ErrorResponseException and Spring MVC's own (404, 405 with Allow, 406, 415, ...)
            known.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            ProblemDetail body = known.getBody();
            ProblemDetail problem = ApiProblems.problem(known.getStatusCode(), body.getDetail());
            if (body.getType() != null && !"about:blank".equals(body.getType().toString())) {
                problem.setType(body.getType());
            }
            if (body.getProperties() != null) {
                body.getProperties().forEach(problem::setProperty);
            }
            return Optional.of(problem);
        }
        return Optional.empty();
    }

    private static ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, "The request body is not readable JSON.");
        Throwable cause = ex.getCause();
        if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = json.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null
                            ? ref.getPropertyName()
                            : ref.getIndex() >= 0 ? "[" + ref.getIndex() + "]" : "?")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            problem.setDetail("The request body has a value of the wrong type or form.");
            return withErrors(problem, List.of(error(field, "has the wrong type or form")));
        }
        return problem;
    }

    private static List<Map<String, String>> fieldErrors(BindingResult binding) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError field : binding.getFieldErrors()) {
            errors.add(error(
                    field.getField(), field.isBindingFailure() ? "has the wrong type" : field.getDefaultMessage()));
        }
        binding.getGlobalErrors()
                .forEach(global -> errors.add(error(global.getObjectName(), global.getDefaultMessage())));
        return errors;
    }

    private static ProblemDetail withErrors(ProblemDetail problem, List<Map<String, String>> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message == null ? "is invalid" : message);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private String message(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, "The request is invalid.", locale);
    }
}
