package dev.latchkey.api.accounts;

import dev.latchkey.api.Cursors;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The id keyset cursors of these lists (by id), and the 412 of a version that changed under a conditional write. */
final class Http {

    private Http() {}

    /** The cursor after the row with this id. */
    static String cursorAfter(long id) {
        return Cursors.encode(Long.toString(id));
    }

    /** The id a cursor continues after: 0 for none; 400 when it is no cursor of these lists. */
    static long afterId(String cursor) {
        List<String> keys = Cursors.decode(cursor, 1);
        if (keys.isEmpty()) {
            return 0;
        }
        try {
            long id = Long.parseLong(keys.get(0));
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException ex) {
            // answered below
        }
        throw Refusals.problem(
                HttpStatus.BAD_REQUEST,
                "The cursor is malformed.",
                null,
                List.of(Map.of("field", "cursor", "message", "is not a cursor of this list")));
    }

    /** As {@code ETags#check} answers: the row changed since the caller read it. */
    static ErrorResponseException stale() {
        return Refusals.problem(
                HttpStatus.PRECONDITION_FAILED,
                "The resource changed since it was read (If-Match does not match its ETag); read it again.",
                null,
                null);
    }
}
