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

/** An account as the back office sends it to create or replace one; the contract list replaces the current one. */
@Schema(name = "AccountRequest")
record AccountRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @VisibleText
        @Size(max = 30)
        @Pattern(regexp = ApiText.NO_CONTROL)
        String number,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @VisibleText
        @Size(max = 200)
        @Pattern(regexp = ApiText.NO_CONTROL)
        String name,

        @NotNull AccountKind kind,

        @Schema(description = "The back office's own id; on a replace, null keeps the current one.", nullable = true)
        @Pattern(regexp = ApiText.EXTERNAL_ID, message = ApiText.EXTERNAL_ID_MESSAGE)
        String externalId,

        @NotNull @Size(max = 500) List<@Valid @NotNull ContractRequest> contracts)
        implements StrictJson {

    static final int MAX_CONTRACTS = 500;

    /** One contract; its number is unique over all accounts. */
    @Schema(name = "ContractRequest")
    record ContractRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            @VisibleText
            @Size(max = 30)
            @Pattern(regexp = ApiText.NO_CONTROL)
            String number,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            @VisibleText
            @Size(max = 60)
            @Pattern(regexp = ApiText.NO_CONTROL)
            String type,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            @VisibleText
            @Size(max = 20)
            @Pattern(regexp = ApiText.NO_CONTROL)
            String status)
            implements StrictJson {}

    AccountData data() {
        return new AccountData(
                ApiText.strip(number),
                ApiText.strip(name),
                kind,
                externalId,
                contracts.stream()
                        .map(c -> new AccountView.ContractView(
                                ApiText.strip(c.number()), ApiText.strip(c.type()), ApiText.strip(c.status())))
                        .toList());
    }
}
