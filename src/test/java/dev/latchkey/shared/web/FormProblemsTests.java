package dev.latchkey.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.validation.MapBindingResult;

class FormProblemsTests {

    @Test
    void theFirstProblemInTheGivenOrderWinsWhateverOrderTheyWereReportedIn() {
        MapBindingResult errors = new MapBindingResult(new java.util.HashMap<>(), "form");
        assertThat(FormProblems.first(errors, "a.blank", "a.tooLong")).isNull();

        errors.rejectValue("password", "Size", "a.tooLong");
        errors.rejectValue("username", "NotBlank", "a.blank");
        assertThat(FormProblems.first(errors, "a.blank", "a.tooLong")).isEqualTo("a.blank");
        assertThat(FormProblems.first(errors, "a.tooLong", "a.blank")).isEqualTo("a.tooLong");
    }

    @Test
    void aFieldThatCouldNotBeBoundIsBadInputNotAProblemOfTheForm() {
        org.springframework.validation.BeanPropertyBindingResult errors =
                new org.springframework.validation.BeanPropertyBindingResult(null, "form");
        errors.addError(new org.springframework.validation.FieldError(
                "form", "username", "x.txt", true, new String[] {"typeMismatch"}, null, "no text"));
        assertThatThrownBy(() -> FormProblems.first(errors, "a.blank"))
                .isInstanceOf(BadInputException.class)
                .extracting("messageKey")
                .isEqualTo("error.badRequest");
    }

    @Test
    void aProblemTheOrderDoesNotNameIsAMistakeOfTheForm() {
        MapBindingResult errors = new MapBindingResult(new java.util.HashMap<>(), "form");
        errors.rejectValue("code", "typeMismatch", "not listed");
        assertThatThrownBy(() -> FormProblems.first(errors, "a.blank")).isInstanceOf(IllegalStateException.class);
    }
}
