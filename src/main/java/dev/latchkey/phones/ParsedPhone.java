package dev.latchkey.phones;

import java.util.Locale;

/**
 * What a typed phone number turned into: an E.164 number, nothing (the input was blank), or a {@link Problem}.
 *
 * @param raw the input as typed (null when blank)
 * @param region the default region it was read with, such as {@code NL}
 * @param e164 the number in E.164 form, or null
 * @param problem why no number came out of a non-blank input, or null
 */
public record ParsedPhone(String raw, String region, String e164, Problem problem) {

    /** Why a non-blank input is no usable phone number. Each has a message {@code phone.problem.<name>}. */
    public enum Problem {
        /** No digits that could start a phone number. */
        NOT_A_NUMBER,
        /** Too few digits for any number. */
        TOO_SHORT,
        /** Too many digits for any number. */
        TOO_LONG,
        /** It starts with a country code that does not exist, or the region is unknown. */
        UNKNOWN_COUNTRY,
        /** Digits of a plausible length, but no number that exists in that country. */
        INVALID;

        /** The key of this reason's text in the message bundle. */
        public String messageKey() {
            return "phone.problem." + name().toLowerCase(Locale.ROOT);
        }
    }

    static ParsedPhone blank(String region) {
        return new ParsedPhone(null, region, null, null);
    }

    static ParsedPhone valid(String raw, String region, String e164) {
        return new ParsedPhone(raw, region, e164, null);
    }

    static ParsedPhone unusable(String raw, String region, Problem problem) {
        return new ParsedPhone(raw, region, null, problem);
    }

    /** True when the input was blank: no phone, and nothing to warn about. */
    public boolean isBlank() {
        return raw == null;
    }

    public boolean isValid() {
        return e164 != null;
    }

    /** True when something was typed but it is not a usable number: the admin should be warned. */
    public boolean hasProblem() {
        return problem != null;
    }
}
