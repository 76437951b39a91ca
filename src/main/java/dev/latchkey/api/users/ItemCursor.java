package dev.latchkey.api.users;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque cursor of a keyset list: a position (an id) in base64url, so callers pass it back and never build one.
 * Anything that is not a cursor this class made is a 400 problem naming the parameter. Stands in for the shared
 * {@code Cursors} of the API contract until that exists.
 */
public final class ItemCursor {

    private static final String PREFIX = "p1:";

    private ItemCursor() {}

    public static String encode(long position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position in {@code cursor} (0 when there is none); {@code parameter} names it in the problem. */
    public static long decode(String cursor, String parameter) {
        if (cursor == null) {
            return 0;
        }
        if (cursor.isEmpty() || cursor.length() > 40 || !cursor.matches("[A-Za-z0-9_-]+")) {
            throw BadParameter.of(parameter, "not a cursor of this list");
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ex) {
            throw BadParameter.of(parameter, "not a cursor of this list");
        }
        String digits = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : "";
        if (digits.isEmpty() || digits.length() > 19 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw BadParameter.of(parameter, "not a cursor of this list");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            throw BadParameter.of(parameter, "not a cursor of this list");
        }
    }
}
