package dev.latchkey.api.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/**
 * The HTTP plumbing these resources need, with the semantics of the shared API design: strong ETags of a row's id and
 * version, {@code If-Match} checks (412), opaque cursors (400 when malformed) and creates that honour an
 * {@code Idempotency-Key}. STAND-IN: when the {@code api} module's {@code ETags}, {@code Cursors} and
 * {@code Idempotency} are merged, these methods delegate to them (or are replaced by them); until then {@link #once}
 * runs every create.
 */
final class Http {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private Http() {}

    /** The strong ETag of a row at a version, e.g. {@code "17-v3"}. */
    static String etag(long id, long version) {
        return "\"" + id + "-v" + version + "\"";
    }

    /** 412 when {@code ifMatch} is given, is not {@code *}, and names no ETag equal to {@code current}. */
    static void checkIfMatch(String ifMatch, String current) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            if (tag.strip().equals(current)) {
                return;
            }
        }
        throw stale();
    }

    static ResponseStatusException stale() {
        return new ResponseStatusException(
                HttpStatus.PRECONDITION_FAILED, "The resource changed since it was read: get it again (new ETag).");
    }

    /** The cursor after the row with this id. */
    static String cursorAfter(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The id a cursor continues after: 0 for none; 400 when it is no cursor these resources made. */
    static long afterId(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            if (cursor.length() > 40) {
                throw new IllegalArgumentException("too long");
            }
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("id:")) {
                throw new IllegalArgumentException("not a cursor");
            }
            long id = Long.parseLong(text.substring(3));
            if (id < 0) {
                throw new IllegalArgumentException("negative");
            }
            return id;
        } catch (IllegalArgumentException ex) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The cursor is not one this API gave out.");
        }
    }

    /** Runs a create once per {@code Idempotency-Key} of a caller (stand-in: every time). */
    static <T> ResponseEntity<T> once(String idempotencyKey, Object request, Supplier<ResponseEntity<T>> create) {
        if (idempotencyKey != null
                && (idempotencyKey.isEmpty()
                        || idempotencyKey.length() > 100
                        || !idempotencyKey.chars().allMatch(c -> c >= 0x21 && c <= 0x7e))) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "The Idempotency-Key must be 1 to 100 printable ASCII characters.");
        }
        return create.get();
    }
}
