package dev.latchkey.api.sites;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code PUT /api/v1/sites/{slug}/mfa-policy}: the whole policy. {@code mode} may be left out only under
 * always-on (the mode is locked to required); {@code codeTtlMinutes} null is the deployment default;
 * {@code rememberDays} 0 or null is off.
 */
record MfaPolicyRequest(
        @Schema(allowableValues = {"off", "optional", "required"}) @Pattern(regexp = "off|optional|required")
        String mode,

        @NotNull @Size(max = 5) List<@NotNull @Pattern(regexp = "passkey|email|sms|totp|backup") String> factors,
        @Min(1) @Max(10) Integer codeTtlMinutes,
        @Min(0) @Max(365) Integer rememberDays,

        @Schema(allowableValues = {"off", "flagged", "all"}) @NotNull @Pattern(regexp = "off|flagged|all")
        String phishingResistant) {}
