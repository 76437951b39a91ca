package dev.latchkey.api;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Strong ETags for optimistic locking (F-API-1). A resource keeps a {@code version} column, bumped by every update, and
 * answers {@code ETag: ETags.of(id, version)}; an update takes {@code If-Match}, calls {@link #check} and then updates
 * conditionally ({@code ... where id = ? and version = ?}), so a lost update is a 412 even when two requests race.
 */
public final class ETags {

    private static final int MAX_IF_MATCH = 1000;

    private ETags() {}

    /** A quoted strong ETag of {@code parts}: {@code "12.3"} for {@code of(12, 3)}; hashed when a part is not plain. */
    public static String of(Object... parts) {
        String joined = Arrays.stream(parts).map(String::valueOf).collect(Collectors.joining("."));
        if (!joined.matches("[A-Za-z0-9._-]{1,64}")) {
            joined = DigestUtils.sha256Hex(joined).substring(0, 32);
        }
        return "\"" + joined + "\"";
    }

    /**
     * Nothing when {@code ifMatch} is absent; an empty one is a 400; otherwise it must name {@code current} (strong
     * comparison, RFC 9110 13.1.1: a weak tag never matches) or be {@code *}.
     *
     * @throws ErrorResponseException 412 problem when it names another version: the resource changed meanwhile
     */
    public static void check(String ifMatch, String current) {
        if (ifMatch == null || matches(ifMatch, current)) {
            return;
        }
        if (ifMatch.isBlank()) { // present but empty: never an unconditional write
            throw new ErrorResponseException(
                    HttpStatus.BAD_REQUEST,
                    ProblemDetail.forStatusAndDetail(
                            HttpStatus.BAD_REQUEST, "If-Match is empty: send the ETag you read, or leave it out."),
                    null);
        }
        throw stale();
    }

    /**
     * The 412 problem of a resource that changed since the caller read it: {@link #check} answers it, and so does a
     * conditional write ({@code ... and version = ?}) that another request won.
     */
    public static ErrorResponseException stale() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.PRECONDITION_FAILED,
                "The resource changed since it was read (If-Match does not match its ETag); read it again.");
        return new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, problem, null);
    }

    /** Whether {@code ifMatch} names {@code current} or is {@code *}. */
    public static boolean matches(String ifMatch, String current) {
        if (ifMatch.length() > MAX_IF_MATCH) {
            return false;
        }
        return Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || (current != null && tag.equals(current)));
    }
}
