package dev.latchkey.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Opaque cursors for keyset pagination: the sort keys of the last item of a page ({@code encode("2026-12-01T08:00:00Z",
 * "42")}), base64url, handed back as {@code cursor}. A cursor only says where a page starts; it grants nothing, so a
 * forged one at worst starts a page elsewhere among rows the caller may read anyway. Lists in id order (accounts,
 * contacts, users, the audit feed) use {@link #ofId} and {@link #id}, which tag each cursor with its list.
 */
public final class Cursors {

    private static final int MAX_LENGTH = 1000;
    private static final char SEPARATOR = '\n';
    private static final char TAG = ':';

    private Cursors() {}

    /** The cursor of {@code keys}; a key must not contain a line break. */
    public static String encode(String... keys) {
        StringBuilder joined = new StringBuilder();
        for (String key : keys) {
            if (key.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("a cursor key holds a line break");
            }
            if (!joined.isEmpty()) {
                joined.append(SEPARATOR);
            }
            joined.append(key);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(joined.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code parts} keys of a cursor; an empty list when {@code cursor} is null or empty (the first page).
     *
     * @throws ErrorResponseException 400 problem with an {@code errors} entry for {@code cursor} when it is not a
     *     cursor of {@code parts} keys
     */
    public static List<String> decode(String cursor, int parts) {
        return decode(cursor, parts, "cursor");
    }

    /**
     * The cursor of the list {@code list} (in id order) after the row with this id: {@code <list>:<id>}, so that a
     * cursor of one list is refused by another ({@link #id}) instead of silently skipping rows there.
     */
    public static String ofId(String list, long id) {
        if (list.isEmpty() || list.indexOf(TAG) >= 0) {
            throw new IllegalArgumentException("a list name must be non-empty and hold no " + TAG);
        }
        return encode(list + TAG + id);
    }

    /**
     * The id a cursor of {@link #ofId} for {@code list} continues after; 0 when {@code cursor} is null or empty (the
     * first page).
     *
     * @throws ErrorResponseException 400 problem with an {@code errors} entry for {@code parameter} (the query
     *     parameter that carried it) when it is not such a cursor, a cursor of another list included
     */
    public static long id(String list, String cursor, String parameter) {
        List<String> keys = decode(cursor, 1, parameter);
        if (keys.isEmpty()) {
            return 0;
        }
        String prefix = list + TAG;
        if (!keys.get(0).startsWith(prefix)) {
            throw malformed(parameter);
        }
        String digits = keys.get(0).substring(prefix.length());
        if (digits.isEmpty() || digits.length() > 19 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw malformed(parameter);
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            throw malformed(parameter);
        }
    }

    private static List<String> decode(String cursor, int parts, String parameter) {
        if (cursor == null || cursor.isEmpty()) {
            return List.of();
        }
        if (cursor.length() > MAX_LENGTH) {
            throw malformed(parameter);
        }
        String text;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException ex) {
            throw malformed(parameter);
        }
        List<String> keys = new ArrayList<>(List.of(text.split(String.valueOf(SEPARATOR), -1)));
        if (keys.size() != parts) {
            throw malformed(parameter);
        }
        return List.copyOf(keys);
    }

    private static ErrorResponseException malformed(String parameter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The cursor is malformed.");
        problem.setProperty("errors", List.of(Map.of("field", parameter, "message", "is not a cursor of this list")));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
