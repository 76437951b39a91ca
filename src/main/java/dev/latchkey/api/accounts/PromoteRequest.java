package dev.latchkey.api.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The site a contact person becomes a portal user of. */
@Schema(name = "PromoteRequest")
record PromoteRequest(
        @Schema(description = "The site's slug.", example = "acme") @NotBlank @Pattern(regexp = "[a-z0-9-]{1,40}")
        String site)
        implements StrictJson {}
