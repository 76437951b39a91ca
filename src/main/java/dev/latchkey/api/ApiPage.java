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
     * The page size of a {@code limit} query parameter, read as text by every list the same way:
     * {@value #DEFAULT_LIMIT} when absent, else 1 to {@value #MAX_LIMIT} in at most three ASCII digits. Anything else
     * (the empty text, spaces, a sign, hex, full-width digits, {@code 00050}) is out of range.
     *
     * @throws ErrorResponseException 400 problem with an {@code errors} entry for {@code limit} when out of range
     */
    public static int limit(String requested) {
        return limit(requested, DEFAULT_LIMIT);
    }

    /** As {@link #limit(String)}, for a list whose page is {@code fallback} long when {@code limit} is absent. */
    public static int limit(String requested, int fallback) {
        if (requested == null) {
            return fallback;
        }
        if (requested.isEmpty() || requested.length() > 3 || !requested.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw outOfRange();
        }
        int size = Integer.parseInt(requested);
        if (size < 1 || size > MAX_LIMIT) {
            throw outOfRange();
        }
        return size;
    }

    private static ErrorResponseException outOfRange() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "limit is out of range.");
        problem.setProperty(
                "errors", List.of(java.util.Map.of("field", "limit", "message", "must be from 1 to " + MAX_LIMIT)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
