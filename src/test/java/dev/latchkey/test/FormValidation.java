package dev.latchkey.test;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A form record checked by plain Bean Validation, without Spring: the problem its page shows is the first of the form's
 * {@code PROBLEMS} that a constraint reported, as {@code FormProblems} picks it.
 */
public final class FormValidation {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    private FormValidation() {}

    /** The message keys of every constraint the form breaks, in no order. */
    public static Set<String> problems(Object form) {
        return VALIDATOR.validate(form).stream()
                .map(ConstraintViolation::getMessage)
                .collect(Collectors.toSet());
    }

    /**
     * @return the first of {@code problemsInOrder} the form breaks, or null
     * @throws AssertionError for a broken constraint whose key is not in {@code problemsInOrder}
     */
    public static String firstProblem(Object form, String... problemsInOrder) {
        Set<String> found = problems(form);
        if (!Set.of(problemsInOrder).containsAll(found)) {
            throw new AssertionError("a problem without its place in the order: " + found);
        }
        for (String key : problemsInOrder) {
            if (found.contains(key)) {
                return key;
            }
        }
        return null;
    }
}
