package dev.latchkey.sites;

/** A brand colour or logo that Latchkey refuses; the message is a message-bundle key for the admin. */
public class InvalidBrandingException extends RuntimeException {

    public InvalidBrandingException(String messageKey) {
        super(messageKey);
    }
}
