package dev.latchkey.delivery;

/** How a message travels. */
public enum Channel {
    EMAIL,
    SMS
}
