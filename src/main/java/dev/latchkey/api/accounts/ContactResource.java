package dev.latchkey.api.accounts;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.latchkey.accounts.ContactView;
import dev.latchkey.accounts.PhoneWarnings.PhoneWarning;
import dev.latchkey.api.ETags;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A contact person as the API shows them. {@code warnings} (single contacts only, not in lists) says when their phone
 * cannot be read: for a portal user, that the user has no phone because of it; otherwise for each site where it could
 * not become a user's phone. The contact keeps the phone as sent.
 */
@Schema(name = "Contact")
record ContactResource(
        long id,
        long accountId,
        @Schema(nullable = true) String externalId,
        String name,
        @Schema(nullable = true) String email,

        @Schema(nullable = true, description = "As sent; a portal user gets it in E.164, or none when unreadable.")
        String phone,

        @Schema(nullable = true, description = "The portal user this contact was promoted to.")
        Long portalUserId,

        @Schema(description = "Grows with every change; the ETag is made of it.")
        long version,

        @JsonInclude(JsonInclude.Include.NON_NULL) List<PhoneWarning> warnings) {

    static ContactResource of(ContactView c, List<PhoneWarning> warnings) {
        return new ContactResource(
                c.id(),
                c.accountId(),
                c.externalId(),
                c.name(),
                c.email(),
                c.phone(),
                c.portalUserId(),
                c.version(),
                warnings);
    }

    String etag() {
        return ETags.of(id, version);
    }
}
