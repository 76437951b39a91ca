package dev.latchkey.mfa;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place that cleans a code as the user typed it, before its format is checked. The rules differ per kind of
 * code on purpose, and each is named here:
 *
 * <ul>
 *   <li>{@link #oneTimeCode}: an emailed or texted code, or an authenticator code on the sign-in code step. White space
 *       and dashes go, so {@code 123 456} and {@code 123-456} are both {@code 123456}.
 *   <li>{@link #backupCode}: white space and dashes go and letters fold to lower case, so the code as shown
 *       ({@code abcde-fghjk}) and as typed in capitals are one.
 *   <li>{@link #authenticatorCode}: an authenticator code typed on the set-up step or the Security page. Only white
 *       space goes: a dash stays, and makes the code malformed there. A text longer than the page's limit is no code at
 *       all.
 * </ul>
 *
 * White space is Java's {@code \s}: ASCII white space only. A no-break space or a full-width digit stays, and the code
 * is malformed.
 */
public final class TypedCode {

    private static final Pattern SPACES_AND_DASHES = Pattern.compile("[\\s-]");
    private static final Pattern SPACES = Pattern.compile("\\s");

    private TypedCode() {}

    /** An emailed, texted or sign-in authenticator code without white space and dashes; "" for none. */
    public static String oneTimeCode(String typed) {
        return typed == null ? "" : SPACES_AND_DASHES.matcher(typed).replaceAll("");
    }

    /** A backup code without white space and dashes, in lower case; "" for none. */
    public static String backupCode(String typed) {
        return oneTimeCode(typed).toLowerCase(Locale.ROOT);
    }

    /** An authenticator code typed on a page without white space; "" for none or one longer than {@code maxLength}. */
    public static String authenticatorCode(String typed, int maxLength) {
        return typed == null || typed.length() > maxLength
                ? ""
                : SPACES.matcher(typed).replaceAll("");
    }
}
