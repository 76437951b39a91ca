package dev.latchkey.delivery;

/** A delivery attempt failed; {@code permanent} when no further attempt will be made. */
public record DeliveryFailed(
        Channel channel, String realm, Long userId, String reference, int attempt, boolean permanent, String error) {}
