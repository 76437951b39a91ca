package dev.latchkey.admin;

import static dev.latchkey.test.FormValidation.firstProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Login &amp; Security forms' number ranges give the problem the controller's hand-written checks gave before (kept
 * below): a code lifetime of 1 to 10 minutes before remembered days of 0 (off) to 365; the admin site's days required.
 */
class LoginSecurityFormsTests {

    private static final List<Integer> NUMBERS = List.of(Integer.MIN_VALUE, -1, 0, 1, 10, 11, 365, 366);

    static Stream<Arguments> pairs() {
        Stream<Integer> ttls = Stream.concat(Stream.of((Integer) null), NUMBERS.stream());
        return ttls.flatMap(ttl ->
                Stream.concat(Stream.of((Integer) null), NUMBERS.stream()).map(days -> Arguments.of(ttl, days)));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void sitePolicyGivesTheProblemOfBefore(Integer ttl, Integer days) {
        String before = ttl != null && (ttl < 1 || ttl > 10)
                ? "admin.policy.badTtl"
                : days != null && (days < 0 || days > 365) ? "admin.policy.badRemember" : null;

        SitePolicyForm form = new SitePolicyForm("banana", List.of("carrier-pigeon"), ttl, days, "sometimes");
        assertThat(firstProblem(form, SitePolicyForm.PROBLEMS)).isEqualTo(before);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 1, 365, 366})
    void adminRememberGivesTheProblemOfBefore(Integer days) {
        String before = days == null || days < 0 || days > 365 ? "admin.policy.badRemember" : null;

        assertThat(firstProblem(new AdminRememberForm(days), AdminRememberForm.PROBLEMS))
                .isEqualTo(before);
    }
}
