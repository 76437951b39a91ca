package dev.latchkey.api.users;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A 400 problem for one bad query parameter, in the shape of a Bean Validation failure: {@code errors} holds the
 * parameter's name and what is wrong with it. Used by the users and sites resources; {@code limit} and cursors are
 * {@code ApiPage}'s and {@code Cursors}'.
 */
public final class BadParameter {

    private BadParameter() {}

    public static ErrorResponseException of(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
        problem.setTitle("Bad request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
