package dev.latchkey.admin;

import java.util.Optional;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** International numbers typed by an admin (from number, test SMS), checked and normalised by libphonenumber. */
final class PhoneFormat {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private PhoneFormat() {}

    /** The number in E.164 when it is a valid international number (with its + and country code). */
    static Optional<String> e164(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 40) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONES.parse(typed.trim(), null);
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException ex) {
            return Optional.empty();
        }
    }
}
