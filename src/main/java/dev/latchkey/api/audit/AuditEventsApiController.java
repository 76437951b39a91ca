package dev.latchkey.api.audit;

import dev.latchkey.api.ApiPage;
import dev.latchkey.api.Cursors;
import dev.latchkey.audit.AuditFeedEntry;
import dev.latchkey.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * F-API-1 the audit feed for a SIEM: "everything since X", oldest first. {@code next} is always there, also on an empty
 * page: a reader polls with it and gets each event once, in order, never one twice. Events show up
 * {@link AuditLog#FEED_SETTLE} after they happen, so one written by a transaction that commits late is not skipped.
 */
@RestController
@RequestMapping(path = "/api/v1/audit-events", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit events", description = "The security audit log as a feed")
class AuditEventsApiController {

    /** The list name in this list's cursors ({@link Cursors#ofId}). */
    static final String LIST = "audit";

    static final int DEFAULT_LIMIT = 100;

    private final AuditLog audit;

    AuditEventsApiController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_audit:read')")
    @Operation(
            summary = "Read the audit feed",
            description = "Events after the cursor `after` (none: from the oldest kept), oldest first. Always answers"
                    + " a `next` cursor, also when there are no new events: poll again with `after=<next>` to get"
                    + " everything that happened since. Events appear a few seconds after they happen.")
    @ApiResponse(
            responseCode = "200",
            description = "The events after the cursor, and the cursor to continue from",
            content = @Content(examples = @ExampleObject(name = "events", value = AuditExamples.FEED)))
    ApiPage<AuditEventJson> feed(
            @Parameter(description = "The `next` of the previous call; none for the oldest events")
                    @RequestParam(required = false)
                    String after,
            @Parameter(description = "At most this many events, 1 to 200 (default 100)", example = "100")
                    @RequestParam(required = false)
                    String limit) {
        long position = Cursors.id(LIST, after, "after");
        List<AuditFeedEntry> rows = audit.feed(position, ApiPage.limit(limit, DEFAULT_LIMIT));
        long last = rows.isEmpty() ? position : rows.get(rows.size() - 1).id();
        return new ApiPage<>(rows.stream().map(AuditEventJson::of).toList(), Cursors.ofId(LIST, last));
    }
}
