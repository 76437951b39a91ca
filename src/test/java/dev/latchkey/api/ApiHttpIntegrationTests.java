package dev.latchkey.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.ApiClient;
import dev.latchkey.test.ApiClient.Response;
import dev.latchkey.test.Browser;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestTokens;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The API's HTTP rules (F-API-1, F-API-2) on a test-only resource ({@link ApiTestController}): scopes, problem+json for
 * every bad input, size limits, Idempotency-Key, ETag/If-Match, cursor pages, the audit of each call, and the wall
 * between tokens and pages.
 */
@IntegrationTest
class ApiHttpIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.latchkey.test.MutableClock clock;

    @Autowired
    dev.latchkey.shared.RetentionSchedule retention;

    @Autowired
    IdempotencyRetention idempotencyRetention;

    ApiClient api() {
        return ApiClient.at(port);
    }

    static Map<String, Object> item(String name, int count) {
        return Map.of("name", name, "count", count, "pause", 0);
    }

    @Test
    void aScopeOpensItsOperationsAndAMissingScopeIs403Problem() {
        String reader = tokens.issue("reader", ApiScope.READ);
        String writer = tokens.issue("writer", ApiScope.CONTACTS_WRITE);

        Response who = api().get("/api/test/whoami", reader);
        assertThat(who.status()).isEqualTo(200);
        assertThat(who.body().get("scopes").get(0).asString()).isEqualTo("read");
        assertThat(who.body().get("actor").asString()).startsWith("api-token:reader-");

        assertProblem(api().get("/api/test/whoami", writer), 403);
        assertProblem(api().post("/api/test/items", reader, item("x", 1)), 403);
        assertThat(api().post("/api/test/items", writer, item("x", 1)).status()).isEqualTo(201);
    }

    @Test
    void badInputIsA4xxProblemWithFieldErrorsAndNever5xx() {
        String token = tokens.issue("bad-input", ApiScope.READ, ApiScope.CONTACTS_WRITE);
        long before = ApiTestController.CREATES.get();

        Response invalid =
                assertProblem(api().post("/api/test/items", token, Map.of("name", "", "count", -1, "pause", 0)), 400);
        assertThat(fields(invalid)).contains("name", "count");
        assertThat(fields(assertProblem(api().post("/api/test/items", token, Map.of("name", "a")), 400)))
                .as("a missing number")
                .isNotEmpty();
        assertProblem(api().post("/api/test/items", token, "{\"name\": "), 400);
        assertProblem(api().post("/api/test/items", token, ""), 400);
        Response wrongType =
                assertProblem(api().post("/api/test/items", token, "{\"name\":\"a\",\"count\":\"x\"}"), 400);
        assertThat(fields(wrongType)).contains("count");
        assertProblem(
                api().send("POST", "/api/test/items", token, "text/plain", "hello".getBytes(StandardCharsets.UTF_8)),
                415);
        Response method = assertProblem(api().delete("/api/test/whoami", token), 405);
        assertThat(method.header("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        assertThat(method.headers().allValues("Allow")).hasSize(1);
        assertThat(fields(assertProblem(api().put("/api/test/items/abc", token, item("a", 1)), 400)))
                .contains("id");
        assertThat(fields(assertProblem(api().get("/api/test/numbers?limit=0", token), 400)))
                .contains("limit");
        assertThat(fields(assertProblem(api().get("/api/test/numbers?limit=x", token), 400)))
                .contains("limit");
        assertThat(fields(assertProblem(api().get("/api/test/numbers?cursor=%25%25", token), 400)))
                .contains("cursor");
        assertProblem(api().get("/api/test/numbers?cursor=" + Cursors.encode("1", "2"), token), 400);
        var malformed =
                api().raw("GET /api/test/whoami?a=%ZZ HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n", null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text()).contains("application/problem+json").doesNotContain("<html");
        assertProblem(api().get("/api/v1/nothing/here", token), 404);
        assertProblem(api().put("/api/test/items/" + Long.MAX_VALUE, token, item("a", 1)), 404);
        assertProblem(api().post("/api/test/items", token, item("a", 1), "Idempotency-Key", ""), 400);
        assertProblem(api().post("/api/test/items", token, item("a", 1), "Idempotency-Key", "x".repeat(101)), 400);
        assertThat(ApiTestController.CREATES.get()).isEqualTo(before);
    }

    @Test
    void aBodyOverTheLimitIs413ProblemWhetherItsLengthIsDeclaredOrNot() throws Exception {
        String token = tokens.issue("big", ApiScope.CONTACTS_WRITE);
        long before = ApiTestController.CREATES.get();
        String big = "{\"name\":\"a\",\"count\":1,\"pause\":0,\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";

        assertProblem(api().post("/api/test/items", token, big), 413);
        var lying = api().raw(
                        "POST /api/test/items HTTP/1.1\r\nAuthorization: Bearer " + token
                                + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n",
                        big.getBytes(StandardCharsets.UTF_8));
        assertThat(lying.status()).as("only the declared 100 bytes are read").isEqualTo(400);

        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/test/items"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ApiTestController.CREATES.get()).isEqualTo(before);
    }

    @Test
    void aReplayedIdempotencyKeyAnswersTheFirstResponseWithoutCreatingAgain() {
        String token = tokens.issue("idem", ApiScope.CONTACTS_WRITE);
        String other = tokens.issue("idem-other", ApiScope.CONTACTS_WRITE);
        String key = "key-" + UUID.randomUUID();
        long before = ApiTestController.CREATES.get();

        Response first = api().post("/api/test/items", token, item("once", 3), "Idempotency-Key", key);
        Response again = api().post("/api/test/items", token, item("once", 3), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(ApiTestController.CREATES.get()).isEqualTo(before + 1);

        assertProblem(api().post("/api/test/items", token, item("other", 3), "Idempotency-Key", key), 422);
        Response ofAnotherToken = api().post("/api/test/items", other, item("once", 3), "Idempotency-Key", key);
        assertThat(ofAnotherToken.status()).isEqualTo(201);
        assertThat(ofAnotherToken.body().get("id")).isNotEqualTo(first.body().get("id"));
    }

    @Test
    void aFailedCreateGivesItsKeyUpSoTheClientMayRetry() {
        String token = tokens.issue("idem-fail", ApiScope.CONTACTS_WRITE);
        String key = "key-" + UUID.randomUUID();
        long before = ApiTestController.CREATES.get();

        assertProblem(api().post("/api/test/items", token, item("fail", 1), "Idempotency-Key", key), 409);
        assertProblem(api().post("/api/test/items", token, item("fail", 1), "Idempotency-Key", key), 409);
        assertThat(ApiTestController.CREATES.get()).isEqualTo(before + 2);
    }

    @Test
    void simultaneousRequestsWithOneKeyCreateOnce() throws Exception {
        String token = tokens.issue("idem-race", ApiScope.CONTACTS_WRITE);
        String key = "key-" + UUID.randomUUID();
        long before = ApiTestController.CREATES.get();
        Map<String, Object> slow = Map.of("name", "race", "count", 1, "pause", 1500);

        List<Response> answers =
                concurrently(6, i -> api().post("/api/test/items", token, slow, "Idempotency-Key", key));

        assertThat(ApiTestController.CREATES.get()).isEqualTo(before + 1);
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(201, 409));
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        Response replay = api().post("/api/test/items", token, slow, "Idempotency-Key", key);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(ApiTestController.CREATES.get()).isEqualTo(before + 1);
    }

    @Test
    void aKeyIsForgottenADayLater() {
        String token = tokens.issue("idem-purge", ApiScope.CONTACTS_WRITE);
        String key = "key-" + UUID.randomUUID();
        assertThat(api().post("/api/test/items", token, item("first", 1), "Idempotency-Key", key)
                        .status())
                .isEqualTo(201);
        try {
            clock.advance(java.time.Duration.ofHours(25));
            assertThat(retention.run(idempotencyRetention)).isPositive();

            Response reused = api().post("/api/test/items", token, item("second", 2), "Idempotency-Key", key);
            assertThat(reused.status()).isEqualTo(201);
            assertThat(reused.body().get("name").asString()).isEqualTo("second");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aStaleETagIs412AndChangesNothing() {
        String token = tokens.issue("etag", ApiScope.CONTACTS_WRITE);
        Response created = api().post("/api/test/items", token, item("v1", 1));
        String path = created.header("Location").orElseThrow();
        String first = created.header("ETag").orElseThrow();

        Response updated = api().put(path, token, item("v2", 2), "If-Match", first);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).isNotEqualTo(created.header("ETag"));

        assertProblem(api().put(path, token, item("v3", 3), "If-Match", first), 412);
        assertProblem(
                api().put(
                                path,
                                token,
                                item("v3", 3),
                                "If-Match",
                                "W/" + updated.header("ETag").orElseThrow()),
                412);
        Response now = api().put(
                        path,
                        token,
                        item("v4", 4),
                        "If-Match",
                        updated.header("ETag").orElseThrow());
        assertThat(now.body().get("name").asString()).isEqualTo("v4");
    }

    @Test
    void cursorPagesWalkTheWholeListOnce() {
        String token = tokens.issue("pages", ApiScope.READ);
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page =
                    api().get("/api/test/numbers?limit=50" + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(page.status()).isEqualTo(200);
            page.body().get("items").forEach(n -> seen.add(n.asLong()));
            JsonNode next = page.body().get("next");
            cursor = next == null || next.isNull() ? null : next.asString();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(120).doesNotHaveDuplicates();
    }

    @Test
    void everyCallIsAuditedWithTheTokensName() {
        var issued = tokens.issued("audited", java.time.Duration.ofDays(1), ApiScope.READ);

        api().get("/api/test/whoami", issued.secret());
        api().get("/api/test/nothing", issued.secret());

        List<Map<String, Object>> rows = auditedCalls(issued.name(), 2);
        assertThat(rows)
                .extracting(row -> row.get("detail"))
                .containsExactlyInAnyOrder("GET /api/test/whoami -> 200", "GET /api/test/nothing -> 404");
        assertThat(rows).extracting(row -> row.get("outcome")).containsExactlyInAnyOrder("success", "failure");
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'api.token-created' and detail like ?")
                        .param("token " + issued.name() + ",%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /** The audit rows of a token's calls, once there are {@code expected} (a row is written as the answer ends). */
    private List<Map<String, Object>> auditedCalls(String name, int expected) {
        long until = System.nanoTime() + 5_000_000_000L;
        while (true) {
            List<Map<String, Object>> rows = jdbc.sql(
                            "select actor, outcome, detail from audit_event where type = 'api.call' and actor = ?")
                    .param("api-token:" + name)
                    .query()
                    .listOfRows();
            if (rows.size() >= expected || System.nanoTime() > until) {
                return rows;
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void noFormBodyIsReadIntoMemoryBeforeTheTokenIsChecked(
            @Autowired org.springframework.context.ApplicationContext context) {
        // Spring's FormContentFilter reads a whole form-encoded PUT, PATCH or DELETE body before any security chain
        assertThat(context.getBeansOfType(org.springframework.web.filter.FormContentFilter.class))
                .isEmpty();
        ApiClient.RawResponse answer = api().raw(
                        "PUT /api/v1/sites/acme/mfa-policy HTTP/1.1\r\n"
                                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 11\r\n",
                        "mode=OFF&x1".getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void aTokenDoesNotOpenThePages() {
        String token = tokens.issue("pages-wall", ApiScope.READ, ApiScope.USERS_WRITE, ApiScope.SITES_WRITE);

        for (String page : List.of("/admin/", "/admin/users", "/sites/acme/")) {
            Response answer = api().get(page, token, "Accept", "text/html");
            assertThat(answer.status()).as(page).isEqualTo(302);
            assertThat(answer.header("Location"))
                    .as(page)
                    .hasValueSatisfying(l -> assertThat(l).contains("/login"));
        }
    }

    @Test
    void aSignedInAdminsSessionDoesNotOpenTheApi() {
        UserView admin = testUsers.admin();
        Browser browser = SignInSteps.admin(port, admin.email(), TestUsers.PASSWORD, 1);
        String cookie = "SESSION=" + browser.sessionId().orElseThrow();

        assertProblem(api().get("/api/test/whoami", null, "Cookie", cookie), 401);
        assertProblem(api().post("/api/test/items", null, item("x", 1), "Cookie", cookie), 401);
        assertThat(browser.get("/admin/").status())
                .as("the session is still signed in")
                .isEqualTo(200);
    }

    @Test
    void aPathTheServletContainerRefusesIsA400WithoutReachingLatchkeyAndTheClientAcceptsIt() {
        String token = tokens.issue("paths", ApiScope.READ);
        for (String path : List.of("/api/v1/users/1%2F2", "/api/v1/users/1%5C2", "/api/v1/users/1%00")) {
            Response answer = api().get(path, token);
            assertThat(answer.status()).as(path).isEqualTo(400);
        }
        assertThat(api().get("/api/v1/users?q=1%2F2%5C", token).status())
                .as("in the query they reach Latchkey")
                .isEqualTo(200);
    }

    private static Response assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("title").asString()).isNotBlank();
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("at dev.latchkey");
        return response;
    }

    private static Set<String> fields(Response problem) {
        Set<String> fields = new java.util.HashSet<>();
        problem.body()
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    static <T> List<T> concurrently(int n, java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<T>> calls = IntStream.range(0, n)
                    .<Callable<T>>mapToObj(i -> () -> call.apply(i))
                    .toList();
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
