package dev.latchkey.admin;

import dev.latchkey.accounts.ContactDetails;
import dev.latchkey.shared.web.NoControlCharacters;
import dev.latchkey.shared.web.StrippedPattern;
import dev.latchkey.shared.web.StrippedSize;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rules of a person's fields as an admin types them, for {@link ContactForm} and {@link NewPortalUserForm}: each
 * annotation bundles the constraints of one field, which report their own problems (message keys of
 * {@link ContactForm#PROBLEMS}).
 */
final class ContactFields {

    private ContactFields() {}

    /** Required, at most {@link ContactForm#MAX_NAME} characters once stripped, no control characters. */
    @Documented
    @Constraint(validatedBy = {})
    @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @NotBlank(message = ContactForm.NAME_BLANK)
    @StrippedSize(max = ContactForm.MAX_NAME, message = ContactForm.NAME_TOO_LONG)
    @NoControlCharacters(message = ContactForm.CONTROL_CHARACTERS)
    @interface Name {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Optional; no control characters, at most {@link ContactForm#MAX_EMAIL} characters, an address's syntax. */
    @Documented
    @Constraint(validatedBy = {})
    @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @NoControlCharacters(message = ContactForm.CONTROL_CHARACTERS)
    @StrippedSize(max = ContactForm.MAX_EMAIL, message = ContactForm.EMAIL_TOO_LONG)
    @StrippedPattern(
            regexp = ContactDetails.EMAIL_PATTERN,
            max = ContactForm.MAX_EMAIL,
            message = ContactForm.EMAIL_INVALID)
    @interface Email {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Optional; no control characters, at most {@link ContactForm#MAX_PHONE} characters (read by {@code phones}). */
    @Documented
    @Constraint(validatedBy = {})
    @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @NoControlCharacters(message = ContactForm.CONTROL_CHARACTERS)
    @StrippedSize(max = ContactForm.MAX_PHONE, message = ContactForm.PHONE_TOO_LONG)
    @interface Phone {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }
}
