package dev.latchkey.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.shared.web.FormProblems;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/** The confirm-email form's constraints give the problem its hand-written check gave before (kept below). */
class ConfirmEmailFormTests {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\u0000", "demo-password", "x", "1024", "1025", "4000"})
    void givesTheProblemOfBefore(String typed) {
        String password = typed != null && typed.matches("[0-9]+") ? "p".repeat(Integer.parseInt(typed)) : typed;
        String before = password == null || password.isEmpty()
                ? "confirmEmail.password.blank"
                : password.length() > 1024 ? "confirmEmail.password.tooLong" : null;

        ConfirmEmailForm form = new ConfirmEmailForm(password);
        Errors errors = new DirectFieldBindingResult(form, "confirmEmailForm");
        try (LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean()) {
            validator.afterPropertiesSet();
            validator.validate(form, errors);
        }
        assertThat(FormProblems.first(errors, ConfirmEmailForm.PROBLEMS)).isEqualTo(before);
    }
}
