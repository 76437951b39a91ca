package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.shared.web.FormProblems;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * The sign-in forms' Bean Validation constraints give the problem the hand-written checks gave before, for every input:
 * those checks are kept below as the reference.
 */
class FormConstraintsTests {

    private static LocalValidatorFactoryBean validator;

    @BeforeAll
    static void start() {
        validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
    }

    @AfterAll
    static void stop() {
        validator.close();
    }

    static Stream<String> texts() {
        return Stream.of(
                null,
                "",
                " ",
                "\t",
                "\u2003",
                "\u00a0",
                "\u0000",
                "a\u202e",
                "a\u200b@b.test",
                "a",
                " a ",
                "alice@acme.test",
                "x".repeat(32),
                "x".repeat(33),
                "x".repeat(320),
                "x".repeat(321),
                "x".repeat(1024),
                "x".repeat(1025),
                " ".repeat(400),
                "\u0000".repeat(2000));
    }

    static Stream<Arguments> pairs() {
        return texts().flatMap(username -> texts().map(password -> Arguments.of(username, password)));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void loginFormGivesTheProblemOfBefore(String username, String password) {
        boolean blank = username == null || username.isBlank() || password == null || password.isEmpty();
        boolean malformed = !blank
                && username.codePoints()
                        .anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
        String before = blank
                ? "signin.blank"
                : username.length() > 320 || password.length() > 1024
                        ? "signin.tooLong"
                        : malformed ? "signin.malformed" : null;

        LoginForm form = new LoginForm(username, password);
        assertThat(FormProblems.first(validate(form, "loginForm"), LoginForm.PROBLEMS))
                .isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("texts")
    void codeFormGivesTheProblemOfBefore(String code) {
        String before = code != null && code.length() > 32 ? "code.malformed" : null;

        assertThat(FormProblems.first(validate(new CodeForm(code), "codeForm"), CodeForm.MALFORMED))
                .isEqualTo(before);
    }

    static Errors validate(Object form, String name) {
        Errors errors = new DirectFieldBindingResult(form, name);
        validator.validate(form, errors);
        return errors;
    }
}
