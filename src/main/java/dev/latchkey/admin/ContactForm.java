package dev.latchkey.admin;

import dev.latchkey.accounts.ContactDetails;
import java.util.regex.Pattern;

/** A contact person as an admin types them (F-CONTACT); also the person part of a new portal user (F-ADMIN-7). */
record ContactForm(String name, String email, String phone) {

    static final int MAX_NAME = ContactDetails.MAX_NAME;
    static final int MAX_EMAIL = ContactDetails.MAX_EMAIL;
    static final int MAX_PHONE = ContactDetails.MAX_PHONE;

    private static final Pattern EMAIL = Pattern.compile(ContactDetails.EMAIL_PATTERN);

    static ContactForm empty() {
        return new ContactForm("", "", "");
    }

    /** The message key of the first thing wrong with the input, or null when it may be saved. */
    String problem() {
        if (name == null || name.isBlank()) {
            return "contacts.form.nameBlank";
        }
        if (name.strip().length() > MAX_NAME) {
            return "contacts.form.nameTooLong";
        }
        if (hasControlCharacters(name) || hasControlCharacters(email) || hasControlCharacters(phone)) {
            return "contacts.form.controlCharacters";
        }
        if (email != null && email.strip().length() > MAX_EMAIL) {
            return "contacts.form.emailTooLong";
        }
        if (email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
            return "contacts.form.emailInvalid";
        }
        if (phone != null && phone.strip().length() > MAX_PHONE) {
            return "contacts.form.phoneTooLong";
        }
        return null;
    }

    boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    /** Only after {@link #problem()} answered null. */
    ContactDetails details() {
        return new ContactDetails(name, email, phone);
    }

    private static boolean hasControlCharacters(String value) {
        return value != null
                && value.codePoints()
                        .anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }
}
