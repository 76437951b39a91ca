package dev.latchkey.api.accounts;

import dev.latchkey.accounts.ContactDetails;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One line of the NDJSON bulk sync: a contact person by their external id, on an account by its external id. */
@Schema(name = "BulkContactLine")
record BulkContactLine(
        @NotNull @Pattern(regexp = ApiText.EXTERNAL_ID, message = ApiText.EXTERNAL_ID_MESSAGE)
        String externalId,

        @NotNull @Pattern(regexp = ApiText.EXTERNAL_ID, message = ApiText.EXTERNAL_ID_MESSAGE)
        String accountExternalId,

        @VisibleText @Size(max = ContactDetails.MAX_NAME) @Pattern(regexp = ApiText.NO_CONTROL)
        String name,

        @Size(max = ContactDetails.MAX_EMAIL)
        @Pattern(regexp = ApiText.OPTIONAL_EMAIL, message = "must be an email address")
        String email,

        @Size(max = ContactDetails.MAX_PHONE) @Pattern(regexp = ApiText.NO_CONTROL)
        String phone)
        implements StrictJson {

    ContactDetails details() {
        return new ContactDetails(ApiText.strip(name), email, phone);
    }
}
