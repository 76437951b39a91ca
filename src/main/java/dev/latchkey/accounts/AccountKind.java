package dev.latchkey.accounts;

/** What an account is to the organisation. */
public enum AccountKind {
    CUSTOMER,
    GUARANTOR
}
