package dev.latchkey.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one code normaliser. Each rule gives, for every input, what the place that used it gave before it moved here: the
 * former expressions are kept below as the reference.
 */
class TypedCodeTests {

    static Stream<String> typed() {
        return Stream.of(
                null,
                "",
                " ",
                "\t",
                "123456",
                " 123456 ",
                "123 456",
                "123-456",
                "123\t456",
                "123\n456",
                "12-34-56",
                "123 - 456",
                "-123456-",
                "１２３４５６",
                "123\u00a0456",
                "123\u2003456",
                "abcde-fghjk",
                "ABCDE-FGHJK",
                "AbCdE FgHjK",
                "abcdefghjk",
                "abc\u0130de",
                "ABCDE\u2013FGHJK",
                "x".repeat(32),
                "1".repeat(33),
                "1 ".repeat(32),
                "1".repeat(64),
                "1".repeat(65),
                "123456\r",
                "\u000b123456\f");
    }

    @ParameterizedTest
    @MethodSource("typed")
    void oneTimeCodeDropsWhiteSpaceAndDashesAsOneTimeCodesAndTotpFactorDid(String answer) {
        String before = answer == null ? "" : answer.replaceAll("[\\s-]", "");
        assertThat(TypedCode.oneTimeCode(answer)).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("typed")
    void backupCodeAlsoFoldsCaseAsBackupCodesDid(String answer) {
        String before = answer == null ? "" : answer.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        assertThat(TypedCode.backupCode(answer)).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("typed")
    void authenticatorCodeOnTheSetupStepDropsWhiteSpaceOnlyAsForcedSetupControllerDid(String answer) {
        boolean oversized = answer != null && answer.length() > 32;
        String before = oversized || answer == null ? "" : answer.replaceAll("\\s", "");
        assertThat(TypedCode.authenticatorCode(answer, 32)).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("typed")
    void authenticatorCodeOnTheSecurityPageDropsWhiteSpaceOnlyAsAuthenticatorControllerDid(String answer) {
        String code = answer == null ? "" : answer; // a request parameter there defaults to ""
        String before = code.length() > 64 ? "" : code.replaceAll("[\\s]", "");
        assertThat(TypedCode.authenticatorCode(code, 64)).isEqualTo(before);
    }

    @ParameterizedTest(name = "[{0}] is [{1}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL            | ''
            ' 123 456 '     | 123456
            123-456         | 123456
            '12 - 34 - 56'  | 123456
            ABC-123         | ABC123
            """)
    void oneTimeCodeExamples(String answer, String code) {
        assertThat(TypedCode.oneTimeCode(answer)).isEqualTo(code);
    }

    @ParameterizedTest(name = "[{0}] is [{1}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL            | ''
            ABCDE-FGHJK     | abcdefghjk
            ' abcde fghjk ' | abcdefghjk
            """)
    void backupCodeExamples(String answer, String code) {
        assertThat(TypedCode.backupCode(answer)).isEqualTo(code);
    }

    @Test
    void aDashStaysInAnAuthenticatorCodeTypedOnAPageSoItIsMalformedThere() {
        assertThat(TypedCode.authenticatorCode("123-456", 32)).isEqualTo("123-456");
        assertThat(TypedCode.authenticatorCode(" 123 456 ", 32)).isEqualTo("123456");
        assertThat(TypedCode.authenticatorCode(null, 32)).isEmpty();
    }

    @Test
    void anAuthenticatorCodeLongerThanTheLimitIsNoCodeAtAll() {
        assertThat(TypedCode.authenticatorCode("1".repeat(33), 32)).isEmpty();
        assertThat(TypedCode.authenticatorCode(" ".repeat(32), 32)).isEmpty();
        assertThat(TypedCode.authenticatorCode("1".repeat(32), 32)).hasSize(32);
    }

    @Test
    void onlyAsciiWhiteSpaceGoesAsJavaRegexDefinesIt() {
        // a no-break space or a full-width digit is kept, so the code stays malformed, as before
        assertThat(TypedCode.oneTimeCode("123\u00a0456")).isEqualTo("123\u00a0456");
        assertThat(TypedCode.oneTimeCode("１２３４５６")).isEqualTo("１２３４５６");
    }
}
