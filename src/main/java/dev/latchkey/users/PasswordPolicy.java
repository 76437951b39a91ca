package dev.latchkey.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import me.gosimple.nbvcxz.resources.DictionaryUtil;
import org.springframework.stereotype.Service;

/**
 * F-ACCOUNT-3, OWASP ASVS 5.0 V6.2: the one place that decides whether a password a person chose may be stored
 * (invitation, reset link, change on the Security page). The rules:
 *
 * <ul>
 *   <li>at least {@code latchkey.password.min-length} characters (default 12, never below 8), counted in Unicode code
 *       points without leading and trailing white space, and at most {@link Users#MAX_PASSWORD_LENGTH} UTF-16 units
 *       (V6.2.1, V6.2.9);
 *   <li>any printable Unicode, spaces included, and no rule about which kinds of character it must contain (V6.2.5);
 *       only control characters and broken or unassigned code points are refused;
 *   <li>not one of the 100,000 most common passwords of nbvcxz's bundled list, compared {@link #fold folded} (without
 *       case, spaces or invisible characters) and checked offline (V6.2.4);
 *   <li>no context word: the site's name, the user's email address or a part of it (V6.2.11).
 * </ul>
 *
 * <p>The list (100,001 passwords, about 96,500 once folded) is read when a password is first chosen, not at start-up
 * (idle memory stays as it was; the first choice waits about a quarter of a second), and kept as one sorted array of
 * {@link #fold folded} strings (about 5 MB). The minimum length is counted without leading and trailing white space, so
 * twelve spaces after a short word do not make it long enough.
 */
@Service
public class PasswordPolicy {

    /** The shortest minimum an operator may configure (ASVS 5.0 V6.2.1). */
    public static final int LOWEST_MINIMUM = 8;

    /** A whole name or address shorter than this is too common to refuse ("nl"). */
    private static final int SHORTEST_CONTEXT_WORD = 3;

    /** A piece of one shorter than this is too common to refuse ("the" of "The Bank", "van" of "jan.van.dijk"). */
    private static final int SHORTEST_CONTEXT_PIECE = 4;

    private final int minLength;
    private volatile String[] common;

    PasswordPolicy(PasswordProperties properties) {
        this.minLength = properties.minLength();
    }

    /** The shortest password a person may choose, in characters. */
    public int minLength() {
        return minLength;
    }

    /**
     * The message key of what is wrong with a new password and its confirmation, or empty when it may be stored. Keys:
     * {@code password.rule.blank}, {@code .tooShort} (argument: {@link #minLength()}), {@code .tooLong},
     * {@code .unprintable}, {@code .common}, {@code .context}, {@code .mismatch}.
     */
    public Optional<String> problem(String password, String confirmation, Context context) {
        if (password == null || password.isEmpty()) {
            return Optional.of("password.rule.blank");
        }
        if (password.length() > Users.MAX_PASSWORD_LENGTH) {
            return Optional.of("password.rule.tooLong");
        }
        String stripped = password.strip();
        if (stripped.codePointCount(0, stripped.length()) < minLength) {
            return Optional.of("password.rule.tooShort");
        }
        if (!printable(password)) {
            return Optional.of("password.rule.unprintable");
        }
        String folded = fold(password);
        if (isCommonFolded(folded)) {
            return Optional.of("password.rule.common");
        }
        if (context.words().stream().anyMatch(folded::contains)) {
            return Optional.of("password.rule.context");
        }
        if (!password.equals(confirmation)) {
            return Optional.of("password.rule.mismatch");
        }
        return Optional.empty();
    }

    /**
     * Whether the length alone is acceptable: {@link Users#setPassword} refuses anything else. The maximum is
     * {@link Users#MAX_PASSWORD_LENGTH} UTF-16 units, as the sign-in form counts it (an emoji is two).
     */
    boolean lengthAllowed(String password) {
        return password != null
                && password.length() <= Users.MAX_PASSWORD_LENGTH
                && password.codePointCount(0, password.length()) >= minLength;
    }

    /**
     * Whether the password is on the bundled list of common and breached passwords, compared in {@link #fold folded}
     * form: without case, spaces or invisible characters, so {@code "Qwerty 123456 "} counts as {@code qwerty123456}.
     */
    public boolean isCommon(String password) {
        return isCommonFolded(fold(password));
    }

    private boolean isCommonFolded(String folded) {
        return Arrays.binarySearch(commonPasswords(), folded) >= 0;
    }

    /**
     * The form in which passwords are compared with the list and the context words: Unicode compatibility normalisation
     * (NFKC: full-width letters become plain ones), then without white space and format characters (zero-width spaces,
     * soft hyphens, joiners), in lower case. Only for comparing: the password itself is stored and checked exactly as
     * typed.
     */
    static String fold(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder folded = new StringBuilder(normalised.length());
        normalised
                .codePoints()
                .filter(c -> !Character.isWhitespace(c)
                        && !Character.isSpaceChar(c)
                        && Character.getType(c) != Character.FORMAT)
                .forEach(folded::appendCodePoint);
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    private String[] commonPasswords() {
        String[] list = common;
        if (list == null) {
            synchronized (this) {
                list = common;
                if (list == null) {
                    list = readList();
                    common = list;
                }
            }
        }
        return list;
    }

    /**
     * nbvcxz's bundled list, line by line, straight into one sorted array of folded strings: no map of 100,000 entries
     * is built on the way, so reading it leaves the heap no larger than the array.
     */
    private static String[] readList() {
        String resource = "/dictionaries/" + DictionaryUtil.passwords;
        try (InputStream in = DictionaryUtil.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("nbvcxz's " + resource + " is missing");
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return lines.lines()
                        .map(PasswordPolicy::fold)
                        .filter(word -> !word.isEmpty())
                        .distinct()
                        .sorted()
                        .toArray(String[]::new);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Control characters, lone surrogates and unassigned code points are refused; everything else is allowed. */
    static boolean printable(String password) {
        return password.codePoints().noneMatch(c -> {
            int type = Character.getType(c);
            return type == Character.CONTROL || type == Character.SURROGATE || type == Character.UNASSIGNED;
        });
    }

    /**
     * The context of a new password: the name of the site it signs in to and the user's email address. Either may be
     * null.
     */
    public record Context(String siteName, String email) {

        /**
         * The words a password may not contain, {@link PasswordPolicy#fold folded} as the password is: the site's name
         * and each of its words; the whole email address, its local part and the local part's pieces
         * ({@code jan.de.vries} gives {@code vries}); the domain's labels but its last ({@code example} of
         * {@code example.com}). A whole name or address shorter than three characters, and a piece shorter than four,
         * are left out.
         */
        List<String> words() {
            List<String> whole = new ArrayList<>();
            List<String> pieces = new ArrayList<>();
            if (siteName != null) {
                String site = siteName.toLowerCase(Locale.ROOT).strip();
                whole.add(site);
                pieces.addAll(Arrays.asList(site.split("[^\\p{L}\\p{N}]+")));
            }
            if (email != null) {
                String address = email.toLowerCase(Locale.ROOT).strip();
                whole.add(address);
                int at = address.lastIndexOf('@');
                String local = at < 0 ? address : address.substring(0, at);
                whole.add(local);
                pieces.addAll(Arrays.asList(local.split("[^\\p{L}\\p{N}]+")));
                if (at >= 0) {
                    String[] labels = address.substring(at + 1).split("\\.");
                    pieces.addAll(Arrays.asList(labels).subList(0, Math.max(0, labels.length - 1)));
                }
            }
            return java.util.stream.Stream.concat(
                            whole.stream().filter(w -> w.length() >= SHORTEST_CONTEXT_WORD),
                            pieces.stream().filter(w -> w.length() >= SHORTEST_CONTEXT_PIECE))
                    .map(PasswordPolicy::fold)
                    .filter(w -> !w.isEmpty())
                    .distinct()
                    .toList();
        }
    }
}
