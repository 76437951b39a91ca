package dev.latchkey.admin;

import dev.latchkey.sites.MfaPolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/**
 * One site's row on the Login &amp; Security page: MFA mode, allowed factors, code lifetime, how many days a browser is
 * remembered (0: off; F-DEVICE) and who must sign in with a passkey (F-ASSURANCE). An absent number keeps what was set.
 * The ranges of the numbers are the form's ({@link #PROBLEMS}); the mode, factors and passkey setting are read by the
 * controller, in the order the problems are told: mode, factors, numbers, passkey setting.
 */
record SitePolicyForm(
        String mode,
        List<String> factors,

        @Min(value = 1, message = SitePolicyForm.BAD_TTL)
        @Max(value = SitePolicyForm.MAX_TTL, message = SitePolicyForm.BAD_TTL)
        Integer codeTtlMinutes,

        @Min(value = 0, message = SitePolicyForm.BAD_REMEMBER)
        @Max(value = MfaPolicy.MAX_REMEMBER_DAYS, message = SitePolicyForm.BAD_REMEMBER)
        Integer rememberDays,

        String phishingResistant) {

    static final int MAX_TTL = 10;
    static final String BAD_TTL = "admin.policy.badTtl";
    static final String BAD_REMEMBER = "admin.policy.badRemember";
    /** The message keys of the constraints, in the order the page shows them. */
    static final String[] PROBLEMS = {BAD_TTL, BAD_REMEMBER};
}
