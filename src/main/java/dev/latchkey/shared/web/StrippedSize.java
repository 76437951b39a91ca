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
 * A form field of at most {@link #max()} characters (UTF-16 units, as {@code @Size} counts) once leading and trailing
 * white space is {@link String#strip() stripped}: for fields that are stored stripped, so spaces around what was typed
 * do not make it too long. A null value is valid. {@code message} is the message key of the problem
 * ({@link FormProblems}).
 */
@Documented
@Constraint(validatedBy = StrippedSize.Check.class)
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.METHOD,
    ElementType.ANNOTATION_TYPE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface StrippedSize {

    int max();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check; public because Bean Validation makes it by reflection. */
    final class Check implements ConstraintValidator<StrippedSize, CharSequence> {

        private int max;

        @Override
        public void initialize(StrippedSize constraint) {
            max = constraint.max();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || value.toString().strip().length() <= max;
        }
    }
}
