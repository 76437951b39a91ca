package dev.latchkey.tokens;

import static dev.latchkey.test.FormValidation.firstProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The new-token form checks only the days, as the page did by hand before (kept below); the rest is ApiTokens'. */
class TokenFormTests {

    @ParameterizedTest
    @NullSource
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 1, 90, 365, 366, Integer.MAX_VALUE})
    void givesTheProblemOfBefore(Integer days) {
        int effective = days == null ? TokenForm.DEFAULT_DAYS : days;
        String before = effective < 1 || effective > TokenForm.MAX_DAYS ? "api.tokens.badExpiry" : null;

        assertThat(firstProblem(new TokenForm("ci", List.of("read"), days), TokenForm.PROBLEMS))
                .isEqualTo(before);
        // a bad name and no scope are ApiTokens' to tell, after the days: the days win
        assertThat(firstProblem(new TokenForm(" bad name ".repeat(20), null, days), TokenForm.PROBLEMS))
                .isEqualTo(before);
    }
}
