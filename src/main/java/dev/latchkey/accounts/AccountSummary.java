package dev.latchkey.accounts;

/** One line of the admin's account list: the account without its contracts, and how many contact persons it has. */
public record AccountSummary(long id, String number, String name, AccountKind kind, int contactCount) {}
