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

    /**
     * Letters that show as nothing: the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) and the blank Braille pattern
     * (U+2800). Neither whitespace nor {@code \p{Z}}, yet a name of only these looks empty.
     */
    private static final String FILLERS = "\u115F\u1160\u3164\uFFA0\u2800";

    private ApiText() {}

    /**
     * Whether {@code value} shows nothing: nothing is left after removing separators ({@code \p{Z}}, such as U+00A0,
     * U+2007, U+202F, U+3000), whitespace and the {@link #FILLERS}. The one rule of every "must not be blank" here.
     */
    static boolean isBlank(CharSequence value) {
        return value.codePoints().allMatch(ApiText::invisible);
    }

    /** {@code value} without the leading and trailing characters {@link #isBlank} ignores; null stays null. */
    static String strip(String value) {
        if (value == null) {
            return null;
        }
        int start = 0;
        int end = value.length();
        while (start < end && invisible(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && invisible(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    private static boolean invisible(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || (c <= 0xFFFF && FILLERS.indexOf(c) >= 0);
    }
}
