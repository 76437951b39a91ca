package dev.latchkey.shared.web;

/**
 * Input that fails a size or format rule. Rendered as a 400 page carrying the message of {@link #messageKey()}; nothing
 * has been changed when it is thrown.
 */
public class BadInputException extends RuntimeException {

    private final String messageKey;

    public BadInputException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
