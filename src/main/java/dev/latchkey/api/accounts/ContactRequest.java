package dev.latchkey.api.accounts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.latchkey.accounts.ContactDetails;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A contact person as the back office sends them to create or replace one: the account by id or by its external id
 * (exactly one of the two), the contact's own external id (on a replace, null keeps it) and their details.
 */
@Schema(name = "ContactRequest")
record ContactRequest(
        @Schema(nullable = true) @Positive Long accountId,

        @Schema(nullable = true) @Pattern(regexp = ApiText.EXTERNAL_ID, message = ApiText.EXTERNAL_ID_MESSAGE)
        String accountExternalId,

        @Schema(nullable = true) @Pattern(regexp = ApiText.EXTERNAL_ID, message = ApiText.EXTERNAL_ID_MESSAGE)
        String externalId,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @VisibleText
        @Size(max = ContactDetails.MAX_NAME)
        @Pattern(regexp = ApiText.NO_CONTROL)
        String name,

        @Schema(nullable = true)
        @Size(max = ContactDetails.MAX_EMAIL)
        @Pattern(regexp = ApiText.OPTIONAL_EMAIL, message = "must be an email address")
        String email,

        @Schema(nullable = true, description = "Kept as sent; see the warnings when it is no usable number.")
        @Size(max = ContactDetails.MAX_PHONE)
        @Pattern(regexp = ApiText.NO_CONTROL)
        String phone)
        implements StrictJson {

    @JsonIgnore
    @AssertTrue(message = "give exactly one of accountId and accountExternalId")
    boolean isOneAccount() {
        return (accountId == null) != (accountExternalId == null);
    }

    ContactDetails details() {
        return new ContactDetails(ApiText.strip(name), email, phone);
    }
}
