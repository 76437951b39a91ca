package dev.latchkey.api;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * One page of a list: its {@code items} and the cursor of the next page ({@code next}, null on the last page), which
 * the caller passes back as {@code cursor}. Cursors come from {@link Cursors}; a page's size from {@link #limit}.
 */
public record ApiPage<T>(List<T> items, String next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public ApiPage {
        items = List.copyOf(items);
    }

    /**
     * The page size of a {@code limit} query parameter: {@value #DEFAULT_LIMIT} when absent, else 1 to
     * {@value #MAX_LIMIT}.
     *
     * @throws ErrorResponseException 400 problem with an {@code errors} entry for {@code limit} when out of range
     */
    public static int limit(Integer requested) {
        return limit(requested, DEFAULT_LIMIT);
    }

    /** As {@link #limit(Integer)}, for a list whose page is {@code fallback} long when {@code limit} is absent. */
    public static int limit(Integer requested, int fallback) {
        if (requested == null) {
            return fallback;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw outOfRange();
        }
        return requested;
    }

    /**
     * As {@link #limit(Integer, int)}, for a {@code limit} the document gives as text (users, audit feed): anything but
     * 1 to {@value #MAX_LIMIT} in digits, the empty text too, is out of range.
     */
    public static int limit(String requested, int fallback) {
        if (requested == null) {
            return fallback;
        }
        if (requested.isEmpty() || requested.length() > 3 || !requested.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw outOfRange();
        }
        return limit(Integer.valueOf(requested), fallback);
    }

    private static ErrorResponseException outOfRange() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "limit is out of range.");
        problem.setProperty(
                "errors", List.of(java.util.Map.of("field", "limit", "message", "must be from 1 to " + MAX_LIMIT)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
