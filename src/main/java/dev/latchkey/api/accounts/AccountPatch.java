package dev.latchkey.api.accounts;

import dev.latchkey.accounts.AccountData;
import dev.latchkey.accounts.AccountKind;
import dev.latchkey.accounts.AccountView;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A partial change of an account: the fields given replace the current ones, absent or null fields stay. A blank name
 * or number is refused ({@link NullOrNotBlank}), never read as "keep it".
 */
@Schema(name = "AccountPatch")
record AccountPatch(
        @Schema(description = "Not blank; absent or null keeps the current number.")
        @NullOrNotBlank
        @Size(min = 1, max = 30)
        @Pattern(regexp = ApiText.NO_CONTROL)
        String number,

        @Schema(description = "Not blank; absent or null keeps the current name.")
        @NullOrNotBlank
        @Size(min = 1, max = 200)
        @Pattern(regexp = ApiText.NO_CONTROL)
        String name,

        AccountKind kind,

        @Pattern(regexp = ApiText.EXTERNAL_ID, message = ApiText.EXTERNAL_ID_MESSAGE)
        String externalId,

        @Size(max = AccountRequest.MAX_CONTRACTS) List<AccountRequest.@Valid @NotNull ContractRequest> contracts)
        implements StrictJson {

    AccountData applyTo(AccountView current) {
        return new AccountData(
                number == null ? current.number() : ApiText.strip(number),
                name == null ? current.name() : ApiText.strip(name),
                kind == null ? current.kind() : kind,
                externalId,
                contracts == null
                        ? current.contracts()
                        : contracts.stream()
                                .map(c -> new AccountView.ContractView(
                                        ApiText.strip(c.number()), ApiText.strip(c.type()), ApiText.strip(c.status())))
                                .toList());
    }
}
