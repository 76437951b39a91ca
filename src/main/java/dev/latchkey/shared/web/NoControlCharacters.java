package dev.latchkey.shared.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A form field without control or format characters: no NUL, tab or line break ({@link Character#isISOControl}) and no
 * bidi override, zero-width space or soft hyphen ({@link Character#FORMAT}). A null value is valid: pair it with
 * {@code @NotBlank} where the field is required. {@code message} is the message key of the problem
 * ({@link FormProblems}).
 */
@Documented
@Constraint(validatedBy = NoControlCharacters.Check.class)
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.METHOD,
    ElementType.ANNOTATION_TYPE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface NoControlCharacters {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check; public because Bean Validation makes it by reflection. */
    final class Check implements ConstraintValidator<NoControlCharacters, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null
                    || value.codePoints()
                            .noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
        }
    }
}
