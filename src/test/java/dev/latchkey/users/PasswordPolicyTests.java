package dev.latchkey.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.users.PasswordPolicy.Context;
import java.util.Map;
import me.gosimple.nbvcxz.resources.DictionaryUtil;
import org.junit.jupiter.api.Test;

/** F-ACCOUNT-3 (ASVS 5.0 V6.2): what a person may choose as a password. */
class PasswordPolicyTests {

    private static final Context ACME = new Context("Acme Customer Portal", "jan.de.vries@example.com");

    private final PasswordPolicy policy = new PasswordPolicy(new PasswordProperties(null, 0, 0, 12));

    private String problem(String password) {
        return policy.problem(password, password, ACME).orElse(null);
    }

    @Test
    void theBundledListHoldsAtLeast100000PasswordsAndIsCheckedWithoutCase() {
        Map<String, Integer> bundled = DictionaryUtil.loadRankedDictionary(DictionaryUtil.passwords);
        assertThat(bundled).hasSizeGreaterThanOrEqualTo(100_000);
        assertThat(bundled.keySet())
                .allSatisfy(
                        listed -> assertThat(policy.isCommon(listed)).as(listed).isTrue());
        // the famous passphrase is on it too, with and without its spaces
        assertThat(problem("correct horse battery staple")).isEqualTo("password.rule.common");
        assertThat(problem("CorrectHorseBatteryStaple")).isEqualTo("password.rule.common");
        assertThat(policy.isCommon("qwerty123456")).isTrue();
        assertThat(policy.isCommon("QWERTY123456")).isTrue();
        assertThat(problem("1q2w3e4r5t6y")).isEqualTo("password.rule.common");
        assertThat(problem("qazwsxedcrfv")).isEqualTo("password.rule.common");
        // the list reaches well below the default minimum: with a minimum of 8, "password1" is refused for being common
        PasswordPolicy eight = new PasswordPolicy(new PasswordProperties(null, 0, 0, 8));
        assertThat(eight.problem("password1", "password1", ACME)).contains("password.rule.common");
        assertThat(eight.problem("iloveyou", "iloveyou", ACME)).contains("password.rule.common");
    }

    @Test
    void lengthIsCountedInCharactersFromTheConfiguredMinimumTo1024() {
        assertThat(problem("elevenchars")).isEqualTo("password.rule.tooShort");
        assertThat(problem("twelve chars")).isNull();
        // 12 characters that take 48 UTF-16 units would pass a length check of the wrong kind the other way round
        assertThat(problem("😀".repeat(11))).isEqualTo("password.rule.tooShort");
        assertThat(problem("😀".repeat(12))).isNull();
        assertThat(problem("x y z ".repeat(170) + "abcd")).isNull();
        assertThat(problem("x".repeat(1025))).isEqualTo("password.rule.tooLong");
        assertThat(problem("")).isEqualTo("password.rule.blank");
        assertThat(policy.problem(null, null, ACME)).contains("password.rule.blank");
    }

    @Test
    void noCompositionRulesAndAnyPrintableUnicodeIncludingSpaces() {
        assertThat(problem("purple tractor under lemon")).isNull();
        assertThat(problem("alllowercaseletters")).isNull();
        assertThat(problem("Ünïcödé wörds 密码 пароль")).isNull();
        assertThat(problem("👩‍👩‍👧 family emoji ok")).isNull(); // joined by zero-width joiners (format characters)
        assertThat(problem("tab\tinside password")).isEqualTo("password.rule.unprintable");
        assertThat(problem("new\nline in password")).isEqualTo("password.rule.unprintable");
        assertThat(problem("lone surrogate \uD800 here")).isEqualTo("password.rule.unprintable");
    }

    @Test
    void contextWordsAreRefused() {
        assertThat(problem("my acme password!")).isEqualTo("password.rule.context");
        assertThat(problem("ACMECUSTOMERPORTAL")).isEqualTo("password.rule.context");
        assertThat(problem("customer service 2026")).isEqualTo("password.rule.context");
        assertThat(problem("jan.de.vries rocks")).isEqualTo("password.rule.context");
        assertThat(problem("hello vries family")).isEqualTo("password.rule.context");
        assertThat(problem("visit example today")).isEqualTo("password.rule.context");
        // short pieces and the top-level domain are too common to refuse
        assertThat(problem("jan and de are short, com too")).isNull();
        assertThat(policy.problem("hello vries family", "hello vries family", new Context(null, null)))
                .isEmpty();
    }

    /** Spaces, invisible characters and look-alike forms do not get a listed password or a context word through. */
    @Test
    void paddingInvisibleCharactersAndFullWidthFormsDoNotGetAroundTheChecks() {
        assertThat(problem("qwerty123456 ")).isEqualTo("password.rule.common");
        assertThat(problem("Qwerty 123 456")).isEqualTo("password.rule.common");
        assertThat(problem("qwerty\u200B123456")).isEqualTo("password.rule.common");
        assertThat(problem("ｑｗｅｒｔｙ１２３４５６")).isEqualTo("password.rule.common");
        assertThat(problem("ac\u00ADme for ever and ever")).isEqualTo("password.rule.context");
        assertThat(problem("ＡＣＭＥ for ever and ever")).isEqualTo("password.rule.context");
        assertThat(problem("ac me for ever and ever")).isEqualTo("password.rule.context");
        // twelve characters only with the spaces around them are too short
        assertThat(problem("  tulips  ok  ")).isEqualTo("password.rule.tooShort");
        // but spaces inside a long enough passphrase are fine
        assertThat(problem("tulips on a rainy tuesday")).isNull();
    }

    @Test
    void theConfirmationMustMatch() {
        assertThat(policy.problem("purple tractor lemon", "purple tractor lemoN", ACME))
                .contains("password.rule.mismatch");
    }

    @Test
    void theMinimumCannotBeConfiguredBelowEight() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PasswordProperties(null, 0, 0, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min-length");
    }
}
