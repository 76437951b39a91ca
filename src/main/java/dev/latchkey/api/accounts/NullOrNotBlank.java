package dev.latchkey.api.accounts;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a partial change (PATCH) that may be left out (null: it stays) but, when given, must not be blank: a value
 * that shows nothing is bad input, never "keep the current value". Blank as {@link ApiText#isBlank} has it, the rule
 * the value is stripped by ({@link ApiText#strip}).
 */
@Constraint(validatedBy = NullOrNotBlank.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@interface NullOrNotBlank {

    String message() default "must not be blank";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link NullOrNotBlank}. */
    class Validator implements ConstraintValidator<NullOrNotBlank, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || !ApiText.isBlank(value);
        }
    }
}
