package dev.latchkey.api.accounts;

import dev.latchkey.accounts.AccountKind;
import dev.latchkey.accounts.AccountView;
import dev.latchkey.api.ETags;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An account as the API shows it, with all its contracts. */
@Schema(name = "Account", description = "An account (customer or guarantor) with all its contracts.")
record AccountResource(
        long id,
        String number,
        String name,
        AccountKind kind,

        @Schema(description = "The back office's own id, or null.", nullable = true)
        String externalId,

        @Schema(description = "Grows with every change; the ETag is made of it.")
        long version,

        List<ContractResource> contracts) {

    /** One contract of an account. */
    @Schema(name = "Contract")
    record ContractResource(String number, String type, String status) {}

    static AccountResource of(AccountView view) {
        return new AccountResource(
                view.id(),
                view.number(),
                view.name(),
                view.kind(),
                view.externalId(),
                view.version(),
                view.contracts().stream()
                        .map(c -> new ContractResource(c.number(), c.type(), c.status()))
                        .toList());
    }

    String etag() {
        return ETags.of(id, version);
    }
}
