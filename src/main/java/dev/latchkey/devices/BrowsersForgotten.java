package dev.latchkey.devices;

import dev.latchkey.shared.web.ClientInfo;

/**
 * F-DEVICE: remembered browsers ended, {@code count} of them, and why, in Latchkey's own words ("forgotten on the
 * Security page: Chrome 120 on Windows", "password changed"). {@code userId} is null when a realm's policy ended all of
 * its browsers; {@code client} is null when no request of the user caused it.
 */
public record BrowsersForgotten(String realm, Long userId, int count, String reason, ClientInfo client) {}
