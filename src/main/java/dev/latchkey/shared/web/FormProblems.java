package dev.latchkey.shared.web;

import java.util.List;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * The first problem of a form checked by Bean Validation. A form record's constraints carry the message key of their
 * problem as {@code message}; Bean Validation reports violations in no order, so the page names the order in which they
 * are shown, and the first one present is the one the user sees.
 */
public final class FormProblems {

    private FormProblems() {}

    /**
     * @param keysInOrder every message key the form's constraints carry, first shown first
     * @return the first of {@code keysInOrder} that a constraint reported, or null when the form has no problem
     * @throws BadInputException (400, "error.badRequest") when a field could not be bound at all, e.g. a file part
     *     where text was expected: the answer Spring gave before the form had a {@code BindingResult}
     * @throws IllegalStateException for an error that is none of {@code keysInOrder} (a constraint missing here)
     */
    public static String first(Errors errors, String... keysInOrder) {
        List<ObjectError> all = errors.getAllErrors();
        if (all.stream().anyMatch(error -> error instanceof FieldError field && field.isBindingFailure())) {
            throw new BadInputException("error.badRequest");
        }
        for (String key : keysInOrder) {
            if (all.stream().anyMatch(error -> key.equals(error.getDefaultMessage()))) {
                return key;
            }
        }
        if (!all.isEmpty()) {
            throw new IllegalStateException("a form error without its place in the order: " + all.get(0));
        }
        return null;
    }
}
