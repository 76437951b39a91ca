package dev.latchkey.api.users;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A 400 problem for one bad query parameter, in the shape of a Bean Validation failure: {@code errors} holds the
 * parameter's name and what is wrong with it. Used by the users, sites and audit resources.
 */
public final class BadParameter {

    private BadParameter() {}

    public static ErrorResponseException of(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
        problem.setTitle("Bad request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** The {@code limit} parameter: 1 to {@code max}, {@code fallback} when absent. */
    public static int limit(String limit, int fallback, int max) {
        if (limit == null) {
            return fallback;
        }
        if (limit.isEmpty() || limit.length() > 3 || !limit.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw of("limit", "must be a number from 1 to " + max);
        }
        int value = Integer.parseInt(limit);
        if (value < 1 || value > max) {
            throw of("limit", "must be a number from 1 to " + max);
        }
        return value;
    }
}
