package dev.latchkey.api.accounts;

import dev.latchkey.accounts.AccountView;
import dev.latchkey.accounts.Accounts;
import dev.latchkey.accounts.UpsertOutcome;
import dev.latchkey.accounts.Upserted;
import dev.latchkey.api.ApiCaller;
import dev.latchkey.api.ApiPage;
import dev.latchkey.api.Cursors;
import dev.latchkey.api.ETags;
import dev.latchkey.api.Idempotency;
import dev.latchkey.shared.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * F-API: accounts and their contracts for the back office. Writes need {@code accounts:write}, reads {@code read}. The
 * contract list is part of the account: a replace (PUT, PATCH with {@code contracts}) replaces it whole. Every write
 * answers the new {@code ETag}; with {@code If-Match}, a write to a changed account is refused with 412 and changes
 * nothing. Deleting an account with contact persons or portal users is refused (409, {@code IN_USE}).
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts", description = "Accounts (customers and guarantors) with their contracts.")
class AccountsApiController {

    /** The list name in this list's cursors ({@link Cursors#ofId}). */
    static final String LIST = "accounts";

    static final String ACCOUNT_EXAMPLE = """
            {"id": 42, "number": "100234", "name": "Jansen Holding B.V.", "kind": "CUSTOMER",
             "externalId": "crm-100234", "version": 3,
             "contracts": [{"number": "L-2025-0042", "type": "Operational lease", "status": "ACTIVE"}]}""";
    static final String REQUEST_EXAMPLE = """
            {"number": "100234", "name": "Jansen Holding B.V.", "kind": "CUSTOMER", "externalId": "crm-100234",
             "contracts": [{"number": "L-2025-0042", "type": "Operational lease", "status": "ACTIVE"}]}""";
    static final String PATCH_EXAMPLE = """
            {"name": "Jansen Holding"}""";
    static final String PAGE_EXAMPLE = """
            {"items": [{"id": 42, "number": "100234", "name": "Jansen Holding B.V.", "kind": "CUSTOMER",
             "externalId": "crm-100234", "version": 3,
             "contracts": [{"number": "L-2025-0042", "type": "Operational lease", "status": "ACTIVE"}]}],
             "next": "YWNjb3VudHM6NDI"}""";

    private final Accounts accounts;
    private final Refusals refusals;
    private final Idempotency idempotency;

    AccountsApiController(Accounts accounts, Refusals refusals, Idempotency idempotency) {
        this.accounts = accounts;
        this.refusals = refusals;
        this.idempotency = idempotency;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(
            summary = "List accounts",
            description = "Accounts by id, with their contracts, a page at a time: pass `next` as `cursor`.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of accounts.",
            content = @Content(examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    ApiPage<AccountResource> list(
            @RequestParam(required = false)
                    @Parameter(
                            description = "1 to 200; 50 when absent.",
                            schema = @Schema(type = "integer", format = "int32"))
                    String limit,
            @RequestParam(required = false) @Parameter(description = "The `next` of the previous page.")
                    String cursor) {
        int size = ApiPage.limit(limit);
        List<AccountView> page = accounts.page(Cursors.id(LIST, cursor, "cursor"), size + 1);
        List<AccountResource> items =
                page.stream().limit(size).map(AccountResource::of).toList();
        String next = page.size() > size
                ? Cursors.ofId(LIST, items.get(items.size() - 1).id())
                : null;
        return new ApiPage<>(items, next);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "Get an account", description = "The account with its contracts; the ETag for If-Match.")
    @ApiResponse(
            responseCode = "200",
            description = "The account.",
            content = @Content(examples = @ExampleObject(name = "account", value = ACCOUNT_EXAMPLE)))
    ResponseEntity<AccountResource> get(@PathVariable long id) {
        return ok(HttpStatus.OK, AccountResource.of(find(id)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('SCOPE_accounts:write')")
    @Operation(
            summary = "Create an account",
            description = "Creates an account with its contracts. Send an `Idempotency-Key` to retry safely. 409 when"
                    + " the number, external id or a contract number is taken.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "account", value = REQUEST_EXAMPLE)))
    @ApiResponse(
            responseCode = "201",
            description = "Created; `Location` and `ETag` name it.",
            content = @Content(examples = @ExampleObject(name = "account", value = ACCOUNT_EXAMPLE)))
    ResponseEntity<AccountResource> create(
            @AuthenticationPrincipal ApiCaller caller,
            @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody AccountRequest request) {
        return idempotency.once(caller, idempotencyKey, request, () -> {
            AccountResource created = AccountResource.of(refusals.translate(() -> accounts.create(request.data())));
            return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.id()))
                    .eTag(created.etag())
                    .body(created);
        });
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('SCOPE_accounts:write')")
    @Operation(
            summary = "Replace an account",
            description = "Replaces number, name, kind and the whole contract list (externalId null: kept). With"
                    + " `If-Match`, 412 when the account changed since that ETag; nothing is changed then.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "account", value = REQUEST_EXAMPLE)))
    @ApiResponse(
            responseCode = "200",
            description = "The account as it is now.",
            content = @Content(examples = @ExampleObject(name = "account", value = ACCOUNT_EXAMPLE)))
    ResponseEntity<AccountResource> replace(
            @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AccountRequest request) {
        AccountView current = find(id);
        ETags.check(ifMatch, ETags.of(id, current.version()));
        AccountView updated = refusals.translate(() -> accounts.update(id, request.data(), current.version()));
        return ok(HttpStatus.OK, AccountResource.of(updated));
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @PreAuthorize("hasAuthority('SCOPE_accounts:write')")
    @Operation(
            summary = "Change some fields of an account",
            description = "Fields given replace the current ones; absent or null fields stay. `contracts`, when"
                    + " given, replaces the whole list. `If-Match` as for PUT.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "rename", value = PATCH_EXAMPLE)))
    @ApiResponse(
            responseCode = "200",
            description = "The account as it is now.",
            content = @Content(examples = @ExampleObject(name = "account", value = ACCOUNT_EXAMPLE)))
    ResponseEntity<AccountResource> patch(
            @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AccountPatch patch) {
        AccountView current = find(id);
        ETags.check(ifMatch, ETags.of(id, current.version()));
        AccountView updated = refusals.translate(() -> accounts.update(id, patch.applyTo(current), current.version()));
        return ok(HttpStatus.OK, AccountResource.of(updated));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('SCOPE_accounts:write')")
    @Operation(
            summary = "Delete an account",
            description = "Deletes the account and its contracts. Refused (409, reason `IN_USE`) while contact persons"
                    + " or portal users are linked to it: nobody loses access by a delete. `If-Match` as for PUT.")
    @ApiResponse(responseCode = "204", description = "Deleted; no body.")
    ResponseEntity<Void> delete(
            @PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return refusals.delete(id, find(id).version(), ifMatch, accounts::delete);
    }

    @PutMapping(path = "/by-external-id/{externalId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('SCOPE_accounts:write')")
    @Operation(
            summary = "Upsert an account by the back office's id",
            description = "Creates the account with this external id (201), replaces it (200), or leaves it alone"
                    + " when it already is as sent (200, same version). Header `Upsert-Outcome`: created, updated or"
                    + " unchanged. The body's externalId, if given, must be the path's.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "account", value = REQUEST_EXAMPLE)))
    @ApiResponse(
            responseCode = "200",
            description = "Updated or unchanged.",
            content = @Content(examples = @ExampleObject(name = "account", value = ACCOUNT_EXAMPLE)))
    @ApiResponse(
            responseCode = "201",
            description = "Created.",
            content = @Content(examples = @ExampleObject(name = "account", value = ACCOUNT_EXAMPLE)))
    ResponseEntity<AccountResource> upsert(
            @PathVariable @Pattern(regexp = ApiText.EXTERNAL_ID, message = ApiText.EXTERNAL_ID_MESSAGE)
                    String externalId,
            @Valid @RequestBody AccountRequest request) {
        if (request.externalId() != null && !request.externalId().equals(externalId)) {
            throw Refusals.problem(
                    HttpStatus.BAD_REQUEST,
                    "The externalId of the body differs from the path's.",
                    null,
                    List.of(java.util.Map.of("field", "externalId", "message", "must be the path's externalId")));
        }
        Upserted<AccountView> result = refusals.translate(() -> accounts.upsert(externalId, request.data()));
        HttpStatus status = result.outcome() == UpsertOutcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK;
        AccountResource body = AccountResource.of(result.row());
        return ResponseEntity.status(status)
                .eTag(body.etag())
                .header("Upsert-Outcome", result.outcome().name().toLowerCase(Locale.ROOT))
                .location(URI.create("/api/v1/accounts/" + body.id()))
                .body(body);
    }

    private AccountView find(long id) {
        return accounts.findById(id).orElseThrow(NotFoundException::new);
    }

    private static ResponseEntity<AccountResource> ok(HttpStatus status, AccountResource body) {
        return ResponseEntity.status(status).eTag(body.etag()).body(body);
    }
}
