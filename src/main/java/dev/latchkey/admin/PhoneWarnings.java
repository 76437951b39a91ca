package dev.latchkey.admin;

import dev.latchkey.phones.ParsedPhone;
import dev.latchkey.phones.PhoneNumbers;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The admin's warning when a typed phone number cannot be a user's phone (F-CONTACT-3), and why. */
@Component
class PhoneWarnings {

    private final MessageSource messages;

    PhoneWarnings(MessageSource messages) {
        this.messages = messages;
    }

    /** Said of a portal user who now has no phone because of it; null when there is no problem. */
    String forUser(ParsedPhone phone) {
        return text("contacts.phone.warning.user", phone);
    }

    /** Said of a contact person, for one site they might be promoted to; null when there is no problem. */
    String forSite(ParsedPhone phone) {
        return text("contacts.phone.warning.site", phone);
    }

    private String text(String key, ParsedPhone phone) {
        if (phone == null || !phone.hasProblem()) {
            return null;
        }
        String reason = messages.getMessage(phone.problem().messageKey(), null, LocaleContextHolder.getLocale());
        return messages.getMessage(
                key,
                new Object[] {phone.raw(), PhoneNumbers.regionName(phone.region()), reason},
                LocaleContextHolder.getLocale());
    }
}
