package dev.latchkey.phones;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Reads phone numbers as people type them ({@code 020 123 4567}, {@code (650) 253-0000}, {@code 00 31 20 1234567},
 * {@code +31 20 123 4567}) into E.164 with libphonenumber (F-CONTACT-3). A national number is read in the given default
 * region; an international one in its own country. Only numbers libphonenumber considers valid (an existing number
 * range of a real country) are accepted. Out of scope: whether the number is in service or can take SMS.
 */
@Component
public final class PhoneNumbers {

    /** A plus and at most 15 digits, the first not 0: read before libphonenumber sees the text. */
    private static final Pattern E164_SHAPE = Pattern.compile("\\+[1-9][0-9]{1,14}");
    /** No default region: only a number that starts with its country code is read. */
    private static final String UNKNOWN_REGION = "ZZ";

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    /**
     * Parses {@code raw} with {@code defaultRegion} (ISO 3166-1 alpha-2, such as {@code NL}).
     *
     * @return blank when {@code raw} is null or blank, otherwise the E.164 number or the problem with it
     */
    public ParsedPhone parse(String raw, String defaultRegion) {
        String region = defaultRegion == null ? "" : defaultRegion.trim().toUpperCase(Locale.ROOT);
        if (raw == null || raw.isBlank()) {
            return ParsedPhone.blank(region);
        }
        String typed = raw.strip();
        PhoneNumber number;
        try {
            number = util.parse(typed, region);
        } catch (NumberParseException ex) {
            return ParsedPhone.unusable(typed, region, problemOf(ex.getErrorType()));
        }
        if (util.isValidNumber(number)) {
            return ParsedPhone.valid(typed, region, util.format(number, PhoneNumberFormat.E164));
        }
        return ParsedPhone.unusable(typed, region, problemOf(util.isPossibleNumberWithReason(number)));
    }

    /**
     * The one E.164 rule: whether {@code number} is a phone number libphonenumber considers valid, written exactly as
     * {@link #parse} gives it ({@code +31201234567}): a plus, the country code and the national number, nothing else. A
     * number that matches the E.164 shape but does not exist ({@code +1234567}, {@code +15555550100}) is not one.
     */
    public boolean isValidE164(String number) {
        if (number == null || !E164_SHAPE.matcher(number).matches()) {
            return false;
        }
        try {
            PhoneNumber parsed = util.parse(number, UNKNOWN_REGION);
            return util.isValidNumber(parsed) && number.equals(util.format(parsed, PhoneNumberFormat.E164));
        } catch (NumberParseException ex) {
            return false;
        }
    }

    /** The English name of a region for messages, such as {@code Netherlands} for {@code NL}. */
    public static String regionName(String region) {
        String name = new Locale("", region == null ? "" : region).getDisplayCountry(LocaleContextHolder.getLocale());
        return name.isBlank() ? String.valueOf(region) : name;
    }

    private static ParsedPhone.Problem problemOf(NumberParseException.ErrorType type) {
        return switch (type) {
            case INVALID_COUNTRY_CODE -> ParsedPhone.Problem.UNKNOWN_COUNTRY;
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> ParsedPhone.Problem.TOO_SHORT;
            case TOO_LONG -> ParsedPhone.Problem.TOO_LONG;
            default -> ParsedPhone.Problem.NOT_A_NUMBER;
        };
    }

    private static ParsedPhone.Problem problemOf(ValidationResult result) {
        return switch (result) {
            case TOO_SHORT -> ParsedPhone.Problem.TOO_SHORT;
            case TOO_LONG -> ParsedPhone.Problem.TOO_LONG;
            case INVALID_COUNTRY_CODE -> ParsedPhone.Problem.UNKNOWN_COUNTRY;
            default -> ParsedPhone.Problem.INVALID;
        };
    }
}
