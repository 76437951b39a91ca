package dev.latchkey.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A tiny resource in test sources only, under {@code /api/test}, that uses the API plumbing the way the real resources
 * do: scopes, validation, {@link Idempotency}, {@link ETags}, {@link Cursors}. Hidden from the OpenAPI document.
 */
@Hidden
@RestController
class ApiTestController {

    record Item(long id, String name, int count, long version) {}

    record ItemBody(
            @NotBlank @Size(max = 50) String name,
            @Min(0) @Max(1000) int count,
            @Min(0) @Max(5000) int pause) {}

    static final AtomicLong CREATES = new AtomicLong();

    private final Map<Long, Item> items = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Idempotency idempotency;

    ApiTestController(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    @GetMapping("/api/test/whoami")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    Map<String, Object> whoami(@AuthenticationPrincipal ApiCaller caller) {
        return Map.of(
                "name", caller.name(),
                "actor", caller.actor(),
                "scopes", caller.scopes().stream().map(ApiScope::code).sorted().toList());
    }

    @PostMapping("/api/test/items")
    @PreAuthorize("hasAuthority('SCOPE_contacts:write')")
    ResponseEntity<Item> create(
            @AuthenticationPrincipal ApiCaller caller,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key,
            @Valid @RequestBody ItemBody body) {
        return idempotency.once(caller, key, body, () -> {
            CREATES.incrementAndGet();
            pause(body.pause());
            if (body.name().equals("fail")) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "refused on purpose");
            }
            Item item = new Item(ids.incrementAndGet(), body.name(), body.count(), 1);
            items.put(item.id(), item);
            return ResponseEntity.created(URI.create("/api/test/items/" + item.id()))
                    .eTag(ETags.of(item.id(), item.version()))
                    .body(item);
        });
    }

    @PutMapping("/api/test/items/{id}")
    @PreAuthorize("hasAuthority('SCOPE_contacts:write')")
    ResponseEntity<Item> update(
            @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ItemBody body) {
        Item current = items.get(id);
        if (current == null) {
            throw new dev.latchkey.shared.web.NotFoundException();
        }
        ETags.check(ifMatch, ETags.of(current.id(), current.version()));
        Item updated = new Item(id, body.name(), body.count(), current.version() + 1);
        if (!items.replace(id, current, updated)) {
            ETags.check("\"stale\"", ETags.of(id, items.get(id).version()));
        }
        return ResponseEntity.ok().eTag(ETags.of(id, updated.version())).body(updated);
    }

    /** The numbers 1 to 120 in cursor pages. */
    @GetMapping("/api/test/numbers")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    ApiPage<Long> numbers(@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        int size = ApiPage.limit(limit);
        List<String> after = Cursors.decode(cursor, 1);
        long start;
        try {
            start = after.isEmpty() ? 0 : Long.parseLong(after.get(0));
        } catch (NumberFormatException ex) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "bad cursor");
        }
        List<Long> page = LongStream.rangeClosed(start + 1, Math.min(120, start + size))
                .boxed()
                .toList();
        long last = page.isEmpty() ? start : page.get(page.size() - 1);
        return new ApiPage<>(page, last < 120 ? Cursors.encode(Long.toString(last)) : null);
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
