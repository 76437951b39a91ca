package dev.latchkey.delivery;

/**
 * A message to deliver. {@code reference} lets the sender ask later how delivery went (e.g. {@code code:42});
 * {@code realm} and {@code userId} only label audit events.
 */
public record OutgoingMessage(
        Channel channel, String recipient, String subject, String body, String reference, String realm, Long userId) {}
