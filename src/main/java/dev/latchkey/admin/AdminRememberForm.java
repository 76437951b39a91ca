package dev.latchkey.admin;

import dev.latchkey.sites.MfaPolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** F-DEVICE: how many days the admin site remembers a browser, as posted by Login &amp; Security (0: off). */
record AdminRememberForm(
        @NotNull(message = SitePolicyForm.BAD_REMEMBER)
        @Min(value = 0, message = SitePolicyForm.BAD_REMEMBER)
        @Max(value = MfaPolicy.MAX_REMEMBER_DAYS, message = SitePolicyForm.BAD_REMEMBER)
        Integer rememberDays) {

    /** The message keys of the constraints, in the order the page shows them. */
    static final String[] PROBLEMS = {SitePolicyForm.BAD_REMEMBER};
}
