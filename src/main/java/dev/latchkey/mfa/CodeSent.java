package dev.latchkey.mfa;

/** A one-time code was created and queued for delivery (never carries the code). */
public record CodeSent(String realm, long userId, String username, FactorType factor) {}
