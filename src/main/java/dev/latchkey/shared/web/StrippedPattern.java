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
import java.util.regex.Pattern;

/**
 * A form field that, once leading and trailing white space is {@link String#strip() stripped}, matches
 * {@link #regexp()} in full. Null and blank values are valid (pair it with {@code @NotBlank} where the field is
 * required), and so is a value longer than {@link #max()} once stripped: the pattern is never run on it, since a long
 * input could make a pattern run out of stack. Give the field a {@link StrippedSize} with the same {@code max} and an
 * earlier place in the form's problems ({@link FormProblems}). {@code message} is the message key of the problem.
 */
@Documented
@Constraint(validatedBy = StrippedPattern.Check.class)
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.METHOD,
    ElementType.ANNOTATION_TYPE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface StrippedPattern {

    String regexp();

    int max();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check; public because Bean Validation makes it by reflection. */
    final class Check implements ConstraintValidator<StrippedPattern, CharSequence> {

        private Pattern pattern;
        private int max;

        @Override
        public void initialize(StrippedPattern constraint) {
            pattern = Pattern.compile(constraint.regexp());
            max = constraint.max();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String stripped = value.toString().strip();
            return stripped.isEmpty()
                    || stripped.length() > max
                    || pattern.matcher(stripped).matches();
        }
    }
}
