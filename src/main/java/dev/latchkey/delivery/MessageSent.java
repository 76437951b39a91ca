package dev.latchkey.delivery;

import java.time.Instant;

/**
 * A message left this node for the mail server or SMS provider. Carries the body for the dev inbox; listeners must
 * never log it.
 */
public record MessageSent(Channel channel, String recipient, String subject, String body, Instant sentAt) {

    @Override
    public String toString() {
        return "MessageSent[" + channel + " to " + recipient + "]";
    }
}
