package dev.latchkey.admin;

import dev.latchkey.accounts.ContactDetails;

/**
 * A contact person as an admin types them (F-CONTACT); also the person part of a new portal user (F-ADMIN-7), whose
 * form {@link NewPortalUserForm} carries the same constraints ({@link ContactFields}). Sizes count without the white
 * space around what was typed, which {@link ContactDetails} strips; the page shows the first of {@link #PROBLEMS}.
 */
record ContactForm(
        @ContactFields.Name String name,
        @ContactFields.Email String email,
        @ContactFields.Phone String phone) {

    static final int MAX_NAME = ContactDetails.MAX_NAME;
    static final int MAX_EMAIL = ContactDetails.MAX_EMAIL;
    static final int MAX_PHONE = ContactDetails.MAX_PHONE;

    static final String NAME_BLANK = "contacts.form.nameBlank";
    static final String NAME_TOO_LONG = "contacts.form.nameTooLong";
    static final String CONTROL_CHARACTERS = "contacts.form.controlCharacters";
    static final String EMAIL_TOO_LONG = "contacts.form.emailTooLong";
    static final String EMAIL_INVALID = "contacts.form.emailInvalid";
    static final String PHONE_TOO_LONG = "contacts.form.phoneTooLong";
    /** The message keys of the constraints, in the order the page shows them. */
    static final String[] PROBLEMS = {
        NAME_BLANK, NAME_TOO_LONG, CONTROL_CHARACTERS, EMAIL_TOO_LONG, EMAIL_INVALID, PHONE_TOO_LONG
    };

    static ContactForm empty() {
        return new ContactForm("", "", "");
    }

    boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    /** Only for a form without problems. */
    ContactDetails details() {
        return new ContactDetails(name, email, phone);
    }
}
