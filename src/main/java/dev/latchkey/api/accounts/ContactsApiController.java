package dev.latchkey.api.accounts;

import dev.latchkey.accounts.Accounts;
import dev.latchkey.accounts.BulkContacts;
import dev.latchkey.accounts.ContactData;
import dev.latchkey.accounts.ContactUpdate;
import dev.latchkey.accounts.ContactView;
import dev.latchkey.accounts.Contacts;
import dev.latchkey.accounts.PhoneWarnings;
import dev.latchkey.accounts.Promotion;
import dev.latchkey.accounts.UpsertOutcome;
import dev.latchkey.accounts.Upserted;
import dev.latchkey.api.ApiCaller;
import dev.latchkey.api.ApiPage;
import dev.latchkey.api.Cursors;
import dev.latchkey.api.ETags;
import dev.latchkey.api.Idempotency;
import dev.latchkey.api.RequestBodyTooLarge;
import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * F-API: contact persons for the back office. Writes need {@code contacts:write}, reads {@code read}. Edits go through
 * {@link Contacts}, as on the admin pages, so a promoted contact's new email and phone reach their portal user
 * (F-CONTACT-2); a phone that cannot be read is kept on the contact, left off the user, and warned about in
 * {@code warnings}. A promoted contact person is not deleted (409, {@code HAS_PORTAL_USER}): delete or lock the user on
 * the admin pages first.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Contacts", description = "Contact persons of accounts, their promotion to portal users, the bulk sync.")
class ContactsApiController {

    /** The list name in this list's cursors ({@link Cursors#ofId}). */
    static final String LIST = "contacts";

    static final String NDJSON = "application/x-ndjson";

    static final String CONTACT_EXAMPLE = """
            {"id": 7, "accountId": 42, "externalId": "crm-p-881", "name": "Anna de Vries",
             "email": "anna@jansen.example", "phone": "020 123 4567", "portalUserId": null, "version": 2,
             "warnings": []}""";
    static final String WARNING_EXAMPLE = """
            {"id": 8, "accountId": 42, "externalId": "crm-p-882", "name": "Bram Bos",
             "email": "bram@jansen.example", "phone": "12", "portalUserId": 31, "version": 4,
             "warnings": [{"site": "acme", "problem": "TOO_SHORT", "message": "The phone number \\"12\\" could not be\
             read as a phone number (region of the site: Netherlands), so the user has no phone. It has too few\
             digits. SMS codes are not available for them until the number is corrected."}]}""";
    static final String REQUEST_EXAMPLE = """
            {"accountExternalId": "crm-100234", "externalId": "crm-p-881", "name": "Anna de Vries",
             "email": "anna@jansen.example", "phone": "020 123 4567"}""";
    static final String PAGE_EXAMPLE = """
            {"items": [{"id": 7, "accountId": 42, "externalId": "crm-p-881", "name": "Anna de Vries",
             "email": "anna@jansen.example", "phone": "020 123 4567", "portalUserId": null, "version": 2}],
             "next": "Y29udGFjdHM6Nw"}""";
    static final String BULK_EXAMPLE = """
            {"externalId": "crm-p-881", "accountExternalId": "crm-100234", "name": "Anna de Vries",\
             "email": "anna@jansen.example", "phone": "020 123 4567"}
            {"externalId": "crm-p-882", "accountExternalId": "crm-100234", "name": "Bram Bos", "email": null}
            """;
    static final String REPORT_EXAMPLE = """
            {"created": 1, "updated": 0, "unchanged": 0, "refused": 1,
             "refusals": [{"line": 2, "externalId": "crm-p-882", "reasons": ["accountExternalId: no such account"]}],
             "refusalsTruncated": false}""";

    private final Contacts contacts;
    private final Accounts accounts;
    private final BulkContacts bulk;
    private final PhoneWarnings phoneWarnings;
    private final Sites sites;
    private final Refusals refusals;
    private final Idempotency idempotency;
    private final ObjectReader lineReader;
    private final Validator validator;

    ContactsApiController(
            Contacts contacts,
            Accounts accounts,
            BulkContacts bulk,
            PhoneWarnings phoneWarnings,
            Sites sites,
            Refusals refusals,
            Idempotency idempotency,
            JsonMapper json,
            Validator validator) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.bulk = bulk;
        this.phoneWarnings = phoneWarnings;
        this.sites = sites;
        this.refusals = refusals;
        this.idempotency = idempotency;
        this.lineReader = json.readerFor(BulkContactLine.class);
        this.validator = validator;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(
            summary = "List contact persons",
            description = "Contact persons by id, of one account (`accountId`) or all, a page at a time: pass `next` as"
                    + " `cursor`. Lists carry no warnings; get one contact for those.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of contact persons.",
            content = @Content(examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    ApiPage<ContactResource> list(
            @RequestParam(required = false)
                    @Parameter(
                            description = "1 to 200; 50 when absent.",
                            schema = @Schema(type = "integer", format = "int32"))
                    String limit,
            @RequestParam(required = false) @Parameter(description = "The `next` of the previous page.") String cursor,
            @RequestParam(required = false) @Positive Long accountId) {
        int size = ApiPage.limit(limit);
        List<ContactView> page = contacts.page(Cursors.id(LIST, cursor, "cursor"), accountId, size + 1);
        List<ContactResource> items =
                page.stream().limit(size).map(c -> ContactResource.of(c, null)).toList();
        String next = page.size() > size
                ? Cursors.ofId(LIST, items.get(items.size() - 1).id())
                : null;
        return new ApiPage<>(items, next);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "Get a contact person", description = "With phone warnings; the ETag for If-Match.")
    @ApiResponse(
            responseCode = "200",
            description = "The contact person.",
            content = @Content(examples = @ExampleObject(name = "contact", value = CONTACT_EXAMPLE)))
    ResponseEntity<ContactResource> get(@PathVariable long id) {
        return answer(HttpStatus.OK, find(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('SCOPE_contacts:write')")
    @Operation(
            summary = "Create a contact person",
            description = "On the account given by `accountId` or `accountExternalId`. Send an `Idempotency-Key` to"
                    + " retry safely. `warnings` says for which sites the phone could not be read.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "contact", value = REQUEST_EXAMPLE)))
    @ApiResponse(
            responseCode = "201",
            description = "Created; `Location` and `ETag` name it.",
            content = @Content(examples = @ExampleObject(name = "contact", value = CONTACT_EXAMPLE)))
    ResponseEntity<ContactResource> create(
            @AuthenticationPrincipal ApiCaller caller,
            @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ContactRequest request) {
        return idempotency.once(caller, idempotencyKey, request, () -> {
            ContactView created = refusals.translate(
                    () -> contacts.create(new ContactData(accountOf(request), request.externalId(), request.details())),
                    accountField(request));
            return answer(HttpStatus.CREATED, created);
        });
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('SCOPE_contacts:write')")
    @Operation(
            summary = "Change a contact person",
            description = "Replaces name, email, phone and account (externalId null: kept). A portal user's email and"
                    + " phone follow as on the admin pages: the phone at once (none when unreadable, see `warnings`),"
                    + " the email at once before they accepted their invitation (a new one goes out), else once they"
                    + " confirm it. A promoted contact stays on their account. With `If-Match`, 412 when the contact"
                    + " changed since that ETag; nothing is changed then.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "contact", value = REQUEST_EXAMPLE)))
    @ApiResponse(
            responseCode = "200",
            description = "The contact person as they are now.",
            content = @Content(examples = @ExampleObject(name = "unreadable phone", value = WARNING_EXAMPLE)))
    ResponseEntity<ContactResource> replace(
            @AuthenticationPrincipal ApiCaller caller,
            @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ContactRequest request) {
        ContactView current = find(id);
        ETags.check(ifMatch, ETags.of(id, current.version()));
        ContactUpdate update = refusals.translate(
                () -> contacts.update(
                        id,
                        new ContactData(accountOf(request), request.externalId(), request.details()),
                        current.version(),
                        caller.actor()),
                accountField(request));
        return answer(HttpStatus.OK, update.contact());
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('SCOPE_contacts:write')")
    @Operation(
            summary = "Delete a contact person",
            description = "Refused (409, reason `HAS_PORTAL_USER`) for a contact who is a portal user: the user would"
                    + " keep the account's access. Delete or lock the user on the admin pages first; deleting the"
                    + " user unlinks the contact. `If-Match` as for PUT.")
    @ApiResponse(responseCode = "204", description = "Deleted; no body.")
    ResponseEntity<Void> delete(
            @PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return refusals.delete(id, find(id).version(), ifMatch, contacts::delete);
    }

    @PutMapping(path = "/by-external-id/{externalId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('SCOPE_contacts:write')")
    @Operation(
            summary = "Upsert a contact person by the back office's id",
            description = "Creates the contact with this external id (201), changes them as PUT /contacts/{id} does"
                    + " (200), or leaves them alone when they already are as sent (200, same version). Header"
                    + " `Upsert-Outcome`: created, updated or unchanged. The body's externalId, if given, must be the"
                    + " path's.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "contact", value = REQUEST_EXAMPLE)))
    @ApiResponse(
            responseCode = "200",
            description = "Updated or unchanged.",
            content = @Content(examples = @ExampleObject(name = "contact", value = CONTACT_EXAMPLE)))
    @ApiResponse(
            responseCode = "201",
            description = "Created.",
            content = @Content(examples = @ExampleObject(name = "contact", value = CONTACT_EXAMPLE)))
    ResponseEntity<ContactResource> upsert(
            @AuthenticationPrincipal ApiCaller caller,
            @PathVariable @Pattern(regexp = ApiText.EXTERNAL_ID, message = ApiText.EXTERNAL_ID_MESSAGE)
                    String externalId,
            @Valid @RequestBody ContactRequest request) {
        if (request.externalId() != null && !request.externalId().equals(externalId)) {
            throw Refusals.problem(
                    HttpStatus.BAD_REQUEST,
                    "The externalId of the body differs from the path's.",
                    null,
                    List.of(Map.of("field", "externalId", "message", "must be the path's externalId")));
        }
        Upserted<ContactUpdate> result = refusals.translate(
                () -> contacts.upsert(
                        externalId, new ContactData(accountOf(request), externalId, request.details()), caller.actor()),
                accountField(request));
        HttpStatus status = result.outcome() == UpsertOutcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK;
        ResponseEntity<ContactResource> answer = answer(status, result.row().contact());
        return ResponseEntity.status(status)
                .headers(answer.getHeaders())
                .header("Upsert-Outcome", result.outcome().name().toLowerCase(Locale.ROOT))
                .body(answer.getBody());
    }

    @PostMapping(path = "/{id}/promote", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('SCOPE_contacts:write') and hasAuthority('SCOPE_users:write')")
    @Operation(
            summary = "Promote a contact person to a portal user",
            description = "Makes the contact a portal user of the site, with their name, email and phone (none when"
                    + " unreadable there, see `warnings`), links their account, and emails an invitation to choose a"
                    + " password. 409 when they are a user already (`ALREADY_PROMOTED`), have no email (`NO_EMAIL`),"
                    + " or the site has a user with that email (`EMAIL_TAKEN`). Needs `users:write` as well as"
                    + " `contacts:write`: it makes a portal user.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "site", value = "{\"site\": \"acme\"}")))
    @ApiResponse(
            responseCode = "200",
            description = "The contact person, now with `portalUserId`.",
            content = @Content(examples = @ExampleObject(name = "promoted", value = WARNING_EXAMPLE)))
    ResponseEntity<ContactResource> promote(
            @AuthenticationPrincipal ApiCaller caller,
            @PathVariable long id,
            @Valid @RequestBody PromoteRequest request) {
        find(id);
        SiteView site = sites.findBySlug(request.site())
                .orElseThrow(() -> Refusals.problem(
                        HttpStatus.BAD_REQUEST,
                        "That site does not exist.",
                        null,
                        List.of(Map.of("field", "site", "message", "no such site"))));
        Promotion promotion = refusals.translate(() -> contacts.promote(id, site.id(), caller.actor()));
        return answer(HttpStatus.OK, promotion.contact());
    }

    @PostMapping(path = "/bulk", consumes = NDJSON)
    @PreAuthorize("hasAuthority('SCOPE_contacts:write')")
    @Operation(
            summary = "Upsert many contact persons (the nightly sync)",
            description = "NDJSON, one contact per line: `externalId`, `accountExternalId`, `name`, `email`, `phone`."
                    + " The body is read as a stream (up to 64 MiB, 100,000 lines in well under a minute) and written"
                    + " a thousand lines at a time; each line is created, updated, unchanged or refused with its"
                    + " line number and reasons, and a bad line never stops the others. Up to 1,000 refusals are"
                    + " listed, all are counted. A contact whose externalId appears twice is refused the second time."
                    + " Promoted contacts' changes reach their portal users as with PUT /contacts/{id}.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = NDJSON, examples = @ExampleObject(name = "two lines", value = BULK_EXAMPLE)))
    @ApiResponse(
            responseCode = "200",
            description = "What the sync did.",
            content = @Content(examples = @ExampleObject(name = "report", value = REPORT_EXAMPLE)))
    BulkContacts.Report bulk(@AuthenticationPrincipal ApiCaller caller, HttpServletRequest request) throws IOException {
        try {
            return bulk.sync(new NdjsonLines(request.getInputStream(), lineReader, validator), caller.actor());
        } catch (BulkContacts.CutOff cut) {
            // the batches before the cut are written: say what, so the caller knows a repeat of the file is needed
            boolean tooLarge = RequestBodyTooLarge.in(cut).isPresent();
            BulkContacts.Report written = cut.written();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST,
                    (tooLarge ? "The stream is larger than 64 MiB." : "The stream broke off or could not be read.")
                            + " The batches before the cut were written (see created, updated, unchanged); send the"
                            + " whole file again, or the rest in a smaller request.");
            problem.setProperty("created", written.created());
            problem.setProperty("updated", written.updated());
            problem.setProperty("unchanged", written.unchanged());
            problem.setProperty("refused", written.refused());
            throw new ErrorResponseException(HttpStatus.valueOf(problem.getStatus()), problem, null);
        }
    }

    private long accountOf(ContactRequest request) {
        if (request.accountId() != null) {
            return request.accountId();
        }
        return accounts.idsByExternalId(List.of(request.accountExternalId()))
                .getOrDefault(request.accountExternalId(), -1L);
    }

    private static String accountField(ContactRequest request) {
        return request.accountId() != null ? "accountId" : "accountExternalId";
    }

    private ContactView find(long id) {
        return accounts.findContact(id).orElseThrow(NotFoundException::new);
    }

    private ResponseEntity<ContactResource> answer(HttpStatus status, ContactView contact) {
        ContactResource body = ContactResource.of(contact, phoneWarnings.of(contact));
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).eTag(body.etag());
        if (status == HttpStatus.CREATED) {
            builder.location(URI.create("/api/v1/contacts/" + body.id()));
        }
        return builder.body(body);
    }
}
