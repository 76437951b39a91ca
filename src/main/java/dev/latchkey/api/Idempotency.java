package dev.latchkey.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on creates (F-API-1): a client that retries a create after a lost answer gets the first
 * answer again instead of a second resource. A key belongs to one token and lives 24 hours.
 *
 * <p>The first request with a key claims it (a row committed at once, in its own transaction; the unique key decides
 * between simultaneous requests), runs the create and stores its answer: status, body, {@code Location} and
 * {@code ETag}. A request with the same key then gets: the stored answer when the request is the same (method, path and
 * body), 422 when it differs, 409 while the first still runs. A create that throws gives its claim up, so the client
 * may retry with the same key.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    static final Duration KEPT = Duration.ofHours(24);

    private static final int MAX_STORED_BODY = 1_000_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final JsonMapper json;
    private final Clock clock;

    Idempotency(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
    }

    private record Stored(
            long id,
            String requestHash,
            Instant createdAt,
            Integer status,
            String body,
            String location,
            String etag) {}

    /**
     * Runs {@code create} once per key: see the class comment.
     *
     * @param idempotencyKey the header's value, or null; 1 to 100 printable ASCII characters
     * @param request the parsed request body (compared by its JSON), or null
     * @throws ErrorResponseException 400 (malformed key), 409 (the first request still runs) or 422 (the key was used
     *     for another request)
     */
    @SuppressWarnings("unchecked")
    public <T> ResponseEntity<T> once(
            ApiCaller caller, String idempotencyKey, Object request, Supplier<ResponseEntity<T>> create) {
        if (idempotencyKey == null) {
            return create.get();
        }
        if (!idempotencyKey.matches("[\\x20-\\x7E]{1,100}")) {
            throw problem(HttpStatus.BAD_REQUEST, "The Idempotency-Key must be 1 to 100 printable ASCII characters.");
        }
        String hash = requestHash(request);
        Optional<Long> claim = claim(caller.tokenId(), idempotencyKey, hash);
        if (claim.isEmpty()) {
            return (ResponseEntity<T>) replay(caller.tokenId(), idempotencyKey, hash);
        }
        ResponseEntity<T> response;
        try {
            response = create.get();
        } catch (RuntimeException | Error failed) {
            ownTransaction.executeWithoutResult(tx -> jdbc.sql("delete from api_idempotency where id = ?")
                    .param(claim.get())
                    .update());
            throw failed;
        }
        store(claim.get(), response);
        return response;
    }

    /** The id of a new claim, or empty when the key is taken (by a live row). An expired row is replaced. */
    private Optional<Long> claim(long tokenId, String key, String hash) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return Optional.of(ownTransaction.execute(tx -> {
                    Instant now = clock.instant();
                    jdbc.sql("insert into api_idempotency (token_id, idem_key, request_hash, created_at)"
                                    + " values (?, ?, ?, ?)")
                            .params(tokenId, key, hash, Timestamp.from(now))
                            .update();
                    return jdbc.sql("select id from api_idempotency where token_id = ? and idem_key = ?")
                            .params(tokenId, key)
                            .query(Long.class)
                            .single();
                }));
            } catch (DuplicateKeyException taken) {
                Timestamp cutoff = Timestamp.from(clock.instant().minus(KEPT));
                int expired = ownTransaction.execute(tx -> jdbc.sql(
                                "delete from api_idempotency where token_id = ? and idem_key = ? and created_at < ?")
                        .params(tokenId, key, cutoff)
                        .update());
                if (expired == 0) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private ResponseEntity<?> replay(long tokenId, String key, String hash) {
        Stored stored = jdbc.sql("select id, request_hash, created_at, status, body, location, etag"
                        + " from api_idempotency where token_id = ? and idem_key = ?")
                .params(tokenId, key)
                .query((rs, n) -> new Stored(
                        rs.getLong("id"),
                        rs.getString("request_hash"),
                        rs.getTimestamp("created_at").toInstant(),
                        (Integer) rs.getObject("status", Integer.class),
                        rs.getString("body"),
                        rs.getString("location"),
                        rs.getString("etag")))
                .optional()
                .orElseThrow(() -> problem(
                        HttpStatus.CONFLICT, "A request with this Idempotency-Key just failed; send it again."));
        if (!stored.requestHash().equals(hash)) {
            throw problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "This Idempotency-Key was used for another request; use a new key for a new request.");
        }
        if (stored.status() == null) {
            throw problem(HttpStatus.CONFLICT, "A request with this Idempotency-Key is still running; try again.");
        }
        HttpHeaders headers = new HttpHeaders();
        if (stored.location() != null) {
            headers.setLocation(URI.create(stored.location()));
        }
        if (stored.etag() != null) {
            headers.setETag(stored.etag());
        }
        headers.set("Idempotent-Replayed", "true");
        JsonNode body = stored.body() == null ? null : json.readTree(stored.body());
        return ResponseEntity.status(stored.status()).headers(headers).body(body);
    }

    private void store(long claim, ResponseEntity<?> response) {
        String body = response.getBody() == null ? null : json.writeValueAsString(response.getBody());
        if (body != null && body.length() > MAX_STORED_BODY) {
            body = null;
        }
        URI location = response.getHeaders().getLocation();
        String etag = response.getHeaders().getETag();
        String storedBody = body;
        ownTransaction.executeWithoutResult(
                tx -> jdbc.sql("update api_idempotency set status = ?, body = ?, location = ?, etag = ? where id = ?")
                        .params(
                                response.getStatusCode().value(),
                                storedBody,
                                location == null ? null : location.toString(),
                                etag,
                                claim)
                        .update());
    }

    /** What makes two requests "the same": method, path and the JSON of the body. */
    private String requestHash(Object request) {
        String where = "";
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest servlet = attributes.getRequest();
            where = servlet.getMethod() + " " + ApiProblems.path(servlet);
        }
        String body = request == null ? "" : json.writeValueAsString(request);
        return DigestUtils.sha256Hex(where + "\n" + body);
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (status == HttpStatus.BAD_REQUEST) {
            problem.setProperty("errors", List.of(Map.of("field", HEADER, "message", "is malformed")));
        }
        return new ErrorResponseException(status, problem, null);
    }
}
