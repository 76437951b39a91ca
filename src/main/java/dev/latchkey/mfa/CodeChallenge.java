package dev.latchkey.mfa;

import java.time.Instant;
import dev.latchkey.delivery.DeliveryStatus;

/**
 * The state of the sent code of one login, for the code page: when it expires, when Resend becomes available, and
 * how delivery stands.
 */
public record CodeChallenge(Instant expiresAt, Instant resendAvailableAt, DeliveryStatus delivery, boolean live) {}
