package dev.latchkey.shared.web;

/**
 * Free text typed into a search or filter field: at most {@code max} characters and no control characters (PostgreSQL
 * refuses NUL in text, and nobody searches for a tab). Anything else is bad input, a 400.
 */
public final class SearchText {

    private SearchText() {}

    /** The trimmed text, null when blank; throws {@link BadInputException} when too long or with control characters. */
    public static String of(String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > max || raw.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadInputException("error.badSearch");
        }
        return raw.trim();
    }
}
