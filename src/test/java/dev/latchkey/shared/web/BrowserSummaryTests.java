package dev.latchkey.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The browser named in a security alert: a family and a system from fixed lists, never the header's own text. */
class BrowserSummaryTests {

    private static final Set<String> BROWSERS = Set.of(
            "Edge",
            "Opera",
            "Samsung Internet",
            "Vivaldi",
            "Yandex Browser",
            "Firefox",
            "Chrome",
            "Internet Explorer",
            "Safari");
    private static final Set<String> SYSTEMS = Set.of("Windows", "iOS", "Android", "ChromeOS", "macOS", "Linux");
    private static final Pattern VERSION = Pattern.compile("( [0-9]{1,4})?");

    @ParameterizedTest(name = "{1} on {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 \
            Safari/537.36 | Chrome 120 | Windows
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 \
            Safari/537.36 Edg/120.0.2210.91 | Edge 120 | Windows
            Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 \
            Safari/605.1.15 | Safari 17 | macOS
            Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) \
            Version/17.1 Mobile/15E148 Safari/604.1 | Safari 17 | iOS
            Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) \
            CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1 | Chrome 120 | iOS
            Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0 | Firefox 121 | Linux
            Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 \
            Chrome/115.0.0.0 Mobile Safari/537.36 | Samsung Internet 23 | Android
            Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile \
            Safari/537.36 OPR/79.0.4195.76 | Opera 79 | Android
            Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 \
            Safari/537.36 | Chrome 120 | ChromeOS
            Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.2; Trident/6.0) | Internet Explorer 10 | Windows
            """)
    void namesTheCommonBrowsersAndSystems(String header, String browser, String system) {
        assertThat(BrowserSummary.of(header)).isEqualTo(new BrowserSummary(browser, system));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                " ",
                "LatchkeyTestBrowser/1.0",
                "curl/8.5.0",
                "call +31 20 555 0199 now",
                "https://evil.example/login",
                "Mozilla/5.0 (Linux; Android 4.4) AppleWebKit/534.30 Version/4.0 Safari/534.30"
            })
    void anUnknownOrMissingHeaderNamesNeitherBrowserNorSystemItCannotVouchFor(String header) {
        BrowserSummary summary = BrowserSummary.of(header);
        assertThat(summary.browser()).isNull();
        if (header == null || !header.contains("Android")) {
            assertThat(summary.system()).isNull();
        }
    }

    @Test
    void aHostileHeaderGivesOnlyWordsFromTheFixedListsAndAtMostFourDigits() {
        String hostile = "Mozilla/5.0 (Windows NT 10.0) Chrome/99999999 call +31 20 555 0199 or visit "
                + "https://evil.example/verify?u=1 Firefox/12345678901234567890";
        BrowserSummary summary = BrowserSummary.of(hostile);
        assertThat(summary).isEqualTo(new BrowserSummary("Firefox", "Windows"));
        assertThat(BrowserSummary.of("Chrome/0120 (iPad)")).isEqualTo(new BrowserSummary("Chrome 120", "iOS"));
    }

    @Test
    void randomHeadersNeverYieldTextOutsideTheFixedLists() {
        Random random = new Random(13);
        String[] pieces = {
            "Chrome/",
            "Edg/",
            "Firefox/",
            "Safari/",
            "Version/",
            "OPR/",
            "MSIE ",
            "Windows",
            "iPhone",
            "Android",
            "Linux",
            "Macintosh",
            "CrOS",
            "http://x.example/",
            "+31 6 1234 5678",
            "１２",
            "٣",
            "\u0000",
            " ",
            ";",
            "(",
            "9",
            "12",
            "999999",
            "<b>",
            "\r\n"
        };
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                header.append(pieces[random.nextInt(pieces.length)]);
            }
            BrowserSummary summary = BrowserSummary.of(header.toString());
            if (summary.browser() != null) {
                String family = BROWSERS.stream()
                        .filter(summary.browser()::startsWith)
                        .max(java.util.Comparator.comparingInt(String::length))
                        .orElse(null);
                assertThat(family).as(header.toString()).isNotNull();
                assertThat(summary.browser().substring(family.length()))
                        .as(header.toString())
                        .matches(VERSION);
            }
            if (summary.system() != null) {
                assertThat(SYSTEMS).as(header.toString()).contains(summary.system());
            }
        }
    }
}
