package dev.latchkey.api.accounts;

import dev.latchkey.accounts.ContactDetails;

/** The shapes text fields of these resources must have. */
final class ApiText {

    /** No control or format characters (newlines, NUL, bidi overrides, ...). */
    static final String NO_CONTROL = "[^\\p{Cc}\\p{Cf}]*";

    /** An external id: the back office's own key, safe in a URL path segment. */
    static final String EXTERNAL_ID = "[A-Za-z0-9._:@+~-]{1,100}";

    static final String EXTERNAL_ID_MESSAGE = "must be 1 to 100 letters, digits or . _ : @ + ~ -";

    /** An email address as {@link ContactDetails#EMAIL_PATTERN} has it, or empty (none). */
    static final String OPTIONAL_EMAIL = "(?:" + ContactDetails.EMAIL_PATTERN + ")?";

    private ApiText() {}
}
