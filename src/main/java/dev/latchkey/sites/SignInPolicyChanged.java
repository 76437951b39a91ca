package dev.latchkey.sites;

/**
 * F-DEVICE / F-ASSURANCE: how long a realm remembers browsers ({@code rememberDays}, null: off) or who of its users
 * must use a passkey changed. Published in the transaction of the change, so what it ends ends with it.
 */
public record SignInPolicyChanged(String realmKey, Integer rememberDays, PhishingResistance phishingResistant) {}
