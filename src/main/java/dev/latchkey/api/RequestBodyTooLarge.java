package dev.latchkey.api;

import java.io.IOException;
import java.util.Optional;

/**
 * Thrown while a request body is read, as soon as it passes its limit (not only when {@code Content-Length} says so):
 * answered with 413. An {@link IOException}, so it passes through whatever reads the stream (a JSON parser, a line
 * reader) and is found again in the cause chain.
 */
public final class RequestBodyTooLarge extends IOException {

    public RequestBodyTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }

    /** This exception when it is {@code ex} or one of its causes. */
    public static Optional<RequestBodyTooLarge> in(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RequestBodyTooLarge tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }
}
