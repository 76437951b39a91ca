package dev.latchkey.devices;

import dev.latchkey.shared.web.ClientInfo;

/**
 * F-DEVICE: after a second factor, a user let this browser skip the second factor of {@code realm} for {@code days}
 * days. Never carries the token.
 */
public record BrowserRemembered(String realm, long userId, int days, ClientInfo client) {}
