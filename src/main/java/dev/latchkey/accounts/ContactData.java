package dev.latchkey.accounts;

/**
 * A contact person as the back office gives them over the API: the account they belong to, the back office's own id (up
 * to 100 characters, unique; null for none, or on an update to keep the current one) and their details.
 */
public record ContactData(long accountId, String externalId, ContactDetails details) {}
