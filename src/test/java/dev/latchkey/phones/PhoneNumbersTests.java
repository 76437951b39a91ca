package dev.latchkey.phones;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.phones.ParsedPhone.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** F-CONTACT-3: typed phone numbers into E.164 with the site's default region, or a reason why not. */
class PhoneNumbersTests {

    private final PhoneNumbers phones = new PhoneNumbers();

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            020 123 4567          | NL | +31201234567
            +31 20 123 4567       | NL | +31201234567
            +31 (0)20 123 4567    | NL | +31201234567
            00 31 20 1234567      | NL | +31201234567
            06 12345678           | NL | +31612345678
            (650) 253-0000        | US | +16502530000
            650-253-0000          | US | +16502530000
            +1 650 253 0000       | NL | +16502530000
            +1 650 253 0000       | US | +16502530000
            011 31 20 123 4567    | US | +31201234567
            +31 20 123 4567       | US | +31201234567
            '  020 123 4567  '    | nl | +31201234567
            """)
    void validNumbersBecomeE164(String raw, String region, String e164) {
        ParsedPhone parsed = phones.parse(raw, region);
        assertThat(parsed.e164()).isEqualTo(e164);
        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.hasProblem()).isFalse();
    }

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            call reception, ask for Eva | NL | NOT_A_NUMBER
            n/a                         | US | NOT_A_NUMBER
            123                         | NL | TOO_SHORT
            1                           | US | NOT_A_NUMBER
            1234567890123456789         | NL | TOO_LONG
            +999 123 456                | NL | UNKNOWN_COUNTRY
            020 123 4567                | ZZ | UNKNOWN_COUNTRY
            020 765 4321                | US | INVALID
            00 31 20 1234567            | US | TOO_LONG
            """)
    void unreadableNumbersGiveNoNumberAndAReason(String raw, String region, Problem problem) {
        ParsedPhone parsed = phones.parse(raw, region);
        assertThat(parsed.e164()).isNull();
        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.hasProblem()).isTrue();
        assertThat(parsed.problem()).isEqualTo(problem);
        assertThat(parsed.raw()).isEqualTo(raw.strip());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t"})
    void blankInputIsNoPhoneAndNoWarning(String raw) {
        ParsedPhone parsed = phones.parse(raw, "NL");
        assertThat(parsed.isBlank()).isTrue();
        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.hasProblem()).isFalse();
        assertThat(parsed.e164()).isNull();
    }

    @Test
    void libphonenumberTakesTheFictional555NumbersOfTheDemoAsValid() {
        assertThat(phones.parse("(415) 555-0134", "US").e164()).isEqualTo("+14155550134");
    }

    @Test
    void everyProblemHasAMessageKey() {
        assertThat(Problem.TOO_SHORT.messageKey()).isEqualTo("phone.problem.too_short");
    }

    @Test
    void regionNamesAreEnglishCountryNames() {
        assertThat(PhoneNumbers.regionName("NL")).isEqualTo("Netherlands");
        assertThat(PhoneNumbers.regionName("US")).isEqualTo("United States");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+31201234567", "+31612345678", "+3197010250000", "+16502530000", "+14155550134"})
    void aValidNumberInE164FormIsValidE164(String number) {
        assertThat(phones.isValidE164(number)).isTrue();
        assertThat(phones.parse(number, "NL").e164()).isEqualTo(number);
    }

    /**
     * The E.164 shape alone ({@code +[1-9][0-9]{1,14}}) let these through: too short for any country, a country code
     * that does not exist, or a number range no country uses.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "+12",
                "+123456",
                "+1234567",
                "+4412",
                "+1415555013",
                "+15555550100",
                "+999123456789",
                "+3120123456",
                "+312012345678"
            })
    void aNumberOfTheE164ShapeThatDoesNotExistIsNotValidE164(String number) {
        assertThat(phones.isValidE164(number)).isFalse();
        assertThat(phones.parse(number, "NL").isValid()).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                " ",
                "+31 20 123 4567",
                "+310201234567",
                "0031201234567",
                "020 123 4567",
                "+31201234567 ",
                "+31201234567x",
                "tel:+31201234567",
                "+٣١٢٠١٢٣٤" + "٥٦٧",
                "+0201234567",
                "+1234567890123456"
            })
    void aNumberNotWrittenInE164IsNotValidE164EvenWhenItCanBeRead(String number) {
        assertThat(phones.isValidE164(number)).isFalse();
    }
}
