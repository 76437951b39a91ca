package dev.latchkey.admin;

/**
 * The hidden fields an action on a user carries (F-ADMIN-3): the Users list's filters, or {@code back=user} for the
 * page of the user. All text: {@link UsersFilters} checks them, so a malformed value is a {@code 400}.
 */
record UsersReturnForm(String site, String q, String mfa, String strongest, String page, String back) {}
