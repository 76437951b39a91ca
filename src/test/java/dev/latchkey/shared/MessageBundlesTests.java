package dev.latchkey.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Dutch bundles keep in step with the English ones: the same keys, the same MessageFormat arguments, no empty
 * texts, and every text a pattern MessageFormat accepts. The bundles are read as UTF-8, as Spring Boot reads them.
 */
class MessageBundlesTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"messages", "contacts"})
    void dutchHasExactlyTheEnglishKeys(String bundle) {
        Set<String> english = load(bundle).keySet();
        Set<String> dutch = load(bundle + "_nl").keySet();

        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(dutch);
        Set<String> extra = new TreeSet<>(dutch);
        extra.removeAll(english);

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(missing)
                    .as("keys in %s.properties that %s_nl.properties lacks", bundle, bundle)
                    .isEmpty();
            softly.assertThat(extra)
                    .as("keys in %s_nl.properties that %s.properties does not have", bundle, bundle)
                    .isEmpty();
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"messages", "contacts"})
    void dutchUsesTheSameArgumentsAsEnglish(String bundle) {
        SortedMap<String, String> english = load(bundle);
        SortedMap<String, String> dutch = load(bundle + "_nl");

        List<String> mismatches = new ArrayList<>();
        english.forEach((key, text) -> {
            if (dutch.containsKey(key)) {
                Set<Integer> expected = argumentIndexes(text);
                Set<Integer> actual = argumentIndexes(dutch.get(key));
                if (!expected.equals(actual)) {
                    mismatches.add(key + ": English has arguments " + expected + ", Dutch has " + actual);
                }
            }
        });
        assertThat(mismatches)
                .as("texts in %s_nl.properties whose {n} arguments differ from English", bundle)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"messages", "contacts"})
    void noDutchTextIsEmpty(String bundle) {
        List<String> empty = load(bundle + "_nl").entrySet().stream()
                .filter(entry -> entry.getValue().isBlank())
                .map(Map.Entry::getKey)
                .toList();
        assertThat(empty).as("empty texts in %s_nl.properties", bundle).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"messages", "messages_nl", "contacts", "contacts_nl"})
    void everyTextWithBracesIsAValidMessageFormatPattern(String file) {
        List<String> invalid = new ArrayList<>();
        load(file).forEach((key, text) -> {
            if (text.contains("{")) {
                try {
                    new MessageFormat(text);
                } catch (IllegalArgumentException ex) {
                    invalid.add(key + ": " + ex.getMessage());
                }
            }
        });
        assertThat(invalid)
                .as("texts in %s.properties that MessageFormat cannot parse", file)
                .isEmpty();
    }

    /**
     * In a text formatted with arguments, a single ' starts a quoted section that hides the braces after it (and
     * disappears itself); an apostrophe is written ''. A text counts as formatted when it or its English twin has {n}
     * arguments, so a stray ' that hides all Dutch arguments is still found.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"messages", "contacts"})
    void apostrophesInTextsWithArgumentsAreDoubled(String bundle) {
        SortedMap<String, String> english = load(bundle);
        SortedMap<String, String> dutch = load(bundle + "_nl");
        List<String> single = new ArrayList<>();
        english.forEach((key, text) -> {
            if (!argumentIndexes(text).isEmpty() && hasSingleQuote(text)) {
                single.add(bundle + ".properties " + key);
            }
        });
        dutch.forEach((key, text) -> {
            boolean formatted = text.contains("{")
                    || !argumentIndexes(english.getOrDefault(key, "")).isEmpty();
            if (formatted && hasSingleQuote(text)) {
                single.add(bundle + "_nl.properties " + key);
            }
        });
        assertThat(single)
                .as("texts with {n} arguments and a single ' (write '' instead)")
                .isEmpty();
    }

    private static boolean hasSingleQuote(String text) {
        return text.replace("''", "").contains("'");
    }

    /** The argument indexes of a MessageFormat pattern: 0 and 1 for "{0} of {1,number}"; quoted braces do not count. */
    static Set<Integer> argumentIndexes(String pattern) {
        Set<Integer> indexes = new TreeSet<>();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '{' && !quoted) {
                int end = i + 1;
                while (end < pattern.length() && Character.isDigit(pattern.charAt(end))) {
                    end++;
                }
                boolean closed = end < pattern.length() && (pattern.charAt(end) == '}' || pattern.charAt(end) == ',');
                if (end > i + 1 && closed) {
                    indexes.add(Integer.parseInt(pattern.substring(i + 1, end)));
                }
            }
        }
        return indexes;
    }

    /** One bundle file from the class path, read as strict UTF-8 (a file saved as ISO-8859-1 fails here). */
    private static SortedMap<String, String> load(String file) {
        String path = "/" + file + ".properties";
        try (InputStream in = MessageBundlesTests.class.getResourceAsStream(path)) {
            assertThat(in).as("%s on the class path", path).isNotNull();
            Reader reader = new InputStreamReader(
                    in,
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT));
            Properties properties = new Properties();
            properties.load(reader);
            SortedMap<String, String> texts = new TreeMap<>();
            properties.forEach((key, value) -> texts.put((String) key, (String) value));
            return texts;
        } catch (IOException ex) {
            throw new AssertionError(path + " cannot be read as UTF-8: " + ex, ex);
        }
    }
}
