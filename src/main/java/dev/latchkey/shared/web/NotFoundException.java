package dev.latchkey.shared.web;

/** A site, user or page that does not exist (or that the caller may not know exists). */
public class NotFoundException extends RuntimeException {

    public NotFoundException() {
        super("not found");
    }
}
