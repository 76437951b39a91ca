package dev.latchkey.api.accounts;

import static dev.latchkey.api.accounts.ContactsApiIntegrationTests.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.accounts.AccountView;
import dev.latchkey.accounts.Accounts;
import dev.latchkey.accounts.ContactDetails;
import dev.latchkey.accounts.Contacts;
import dev.latchkey.api.ApiScope;
import dev.latchkey.test.ApiClient;
import dev.latchkey.test.ApiClient.Response;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** F-API: accounts and their contracts over the API. */
@IntegrationTest
class AccountsApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    Accounts accounts;

    @Autowired
    Contacts contacts;

    @Autowired
    JdbcClient jdbc;

    ApiClient api() {
        return ApiClient.at(port);
    }

    @Test
    void eachOperationNeedsItsScope() {
        String read = tokens.issue("read", ApiScope.READ);
        String write = tokens.issue("write", ApiScope.ACCOUNTS_WRITE);
        String other = tokens.issue("other", ApiScope.CONTACTS_WRITE, ApiScope.SITES_WRITE, ApiScope.AUDIT_READ);
        Response created = api().post("/api/v1/accounts", write, body(unique("S"), "Scoped"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();

        for (String token : List.of(write, other)) {
            assertThat(api().get("/api/v1/accounts", token).status()).isEqualTo(403);
            assertThat(api().get("/api/v1/accounts/" + id, token).status()).isEqualTo(403);
        }
        assertThat(api().get("/api/v1/accounts/" + id, read).status()).isEqualTo(200);
        for (String token : List.of(read, other)) {
            assertThat(api().post("/api/v1/accounts", token, body(unique("S"), "No"))
                            .status())
                    .isEqualTo(403);
            assertThat(api().put("/api/v1/accounts/" + id, token, body(unique("S"), "No"))
                            .status())
                    .isEqualTo(403);
            assertThat(api().patch("/api/v1/accounts/" + id, token, Map.of("name", "No"))
                            .status())
                    .isEqualTo(403);
            assertThat(api().put("/api/v1/accounts/by-external-id/x" + id, token, body(unique("S"), "No"))
                            .status())
                    .isEqualTo(403);
            assertThat(api().delete("/api/v1/accounts/" + id, token).status()).isEqualTo(403);
        }
        assertThat(api().get("/api/v1/accounts/" + id, null).status()).isEqualTo(401);
        assertThat(accounts.findById(id).orElseThrow().name()).isEqualTo("Scoped");
    }

    @Test
    void contractsAreReplacedWithTheAccountAndAStaleETagChangesNothing() {
        String token = tokens.issue("crud", ApiScope.ACCOUNTS_WRITE, ApiScope.READ);
        Map<String, Object> body = body(unique("C"), "Contracts");
        body.put("contracts", List.of(contract(unique("K")), contract(unique("K"))));
        Response created = api().post("/api/v1/accounts", token, body);
        long id = created.body().get("id").asLong();
        String etag = created.header("ETag").orElseThrow();
        assertThat(created.body().get("contracts").size()).isEqualTo(2);
        assertThat(api().get("/api/v1/accounts/" + id, token).header("ETag")).contains(etag);

        body.put("contracts", List.of(contract(unique("K"))));
        Response replaced = api().put("/api/v1/accounts/" + id, token, body, "If-Match", etag);
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body().get("contracts").size()).isEqualTo(1);

        Response stale = api().patch("/api/v1/accounts/" + id, token, Map.of("name", "Lost"), "If-Match", etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.isProblem()).isTrue();
        assertThat(api().delete("/api/v1/accounts/" + id, token, "If-Match", etag)
                        .status())
                .isEqualTo(412);
        assertThat(accounts.findById(id).orElseThrow().name()).isEqualTo("Contracts");

        Response patched = api().patch(
                        "/api/v1/accounts/" + id,
                        token,
                        Map.of("name", "Patched"),
                        "If-Match",
                        replaced.header("ETag").orElseThrow());
        assertThat(patched.body().get("name").asString()).isEqualTo("Patched");
        assertThat(patched.body().get("contracts").size()).isEqualTo(1);
        assertThat(api().delete("/api/v1/accounts/" + id, token).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/accounts/" + id, token).status()).isEqualTo(404);
    }

    @Test
    void aPatchWithABlankNameOrNumberIsABadRequestAndChangesNothing() {
        String token = tokens.issue("blank", ApiScope.ACCOUNTS_WRITE, ApiScope.READ);
        Response created = api().post("/api/v1/accounts", token, body(unique("B"), "Named"));
        long id = created.body().get("id").asLong();
        String etag = created.header("ETag").orElseThrow();
        for (String field : List.of("name", "number")) {
            for (String blank : List.of("", " ", "   ", "\t\n", "\u2003")) {
                for (String ifMatch : new String[] {etag, "*"}) {
                    Map<String, Object> patch = new LinkedHashMap<>();
                    patch.put(field, blank);
                    patch.put("kind", "GUARANTOR");
                    Response refused = api().patch("/api/v1/accounts/" + id, token, patch, "If-Match", ifMatch);
                    assertThat(refused.status()).as("%s [%s]", field, blank).isEqualTo(400);
                    assertThat(refused.isProblem()).isTrue();
                    assertThat(refused.body().get("errors").findValuesAsString("field"))
                            .as("%s [%s]", field, blank)
                            .isNotEmpty()
                            .containsOnly(field);
                }
                assertThat(api().patch("/api/v1/accounts/" + id, token, Map.of(field, blank))
                                .status())
                        .as("without If-Match too")
                        .isEqualTo(400);
            }
        }
        AccountView after = accounts.findById(id).orElseThrow();
        assertThat(after.name()).isEqualTo("Named");
        assertThat(after.number()).isEqualTo(created.body().get("number").asString());
        assertThat(after.kind().name()).isEqualTo("CUSTOMER");
        assertThat(after.version()).isZero();
        assertThat(api().get("/api/v1/accounts/" + id, token).header("ETag")).contains(etag);

        Map<String, Object> nullName = new LinkedHashMap<>();
        nullName.put("name", null);
        nullName.put("kind", "GUARANTOR");
        Response kept = api().patch("/api/v1/accounts/" + id, token, nullName, "If-Match", etag);
        assertThat(kept.status()).as("null keeps the name").isEqualTo(200);
        assertThat(kept.body().get("name").asString()).isEqualTo("Named");
        assertThat(kept.body().get("kind").asString()).isEqualTo("GUARANTOR");
    }

    @Test
    void anAccountWithContactsIsNotDeleted() {
        String token = tokens.issue("delete", ApiScope.ACCOUNTS_WRITE);
        long id = api().post("/api/v1/accounts", token, body(unique("D"), "Used"))
                .body()
                .get("id")
                .asLong();
        contacts.add(id, new ContactDetails("Kim", null, null));
        Response refused = api().delete("/api/v1/accounts/" + id, token);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("reason").asString()).isEqualTo("IN_USE");
        assertThat(accounts.findById(id)).isPresent();
    }

    @Test
    void takenNumbersAreConflicts() {
        String token = tokens.issue("taken", ApiScope.ACCOUNTS_WRITE);
        String number = unique("T");
        assertThat(api().post("/api/v1/accounts", token, body(number, "First")).status())
                .isEqualTo(201);
        Response again = api().post("/api/v1/accounts", token, body(number, "Second"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("reason").asString()).isEqualTo("NUMBER_TAKEN");
    }

    @Test
    void anUpsertCreatesThenUpdatesThenLeavesAlone() {
        String token = tokens.issue("upsert", ApiScope.ACCOUNTS_WRITE);
        String path = "/api/v1/accounts/by-external-id/" + unique("crm-");
        Map<String, Object> body = body(unique("U"), "Upsert");
        Response created = api().put(path, token, body);
        Response same = api().put(path, token, body);
        body.put("name", "Renamed");
        Response updated = api().put(path, token, body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(same.header("Upsert-Outcome")).contains("unchanged");
        assertThat(same.body()).isEqualTo(created.body());
        assertThat(updated.header("Upsert-Outcome")).contains("updated");
        assertThat(updated.body().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aReplayedIdempotencyKeyCreatesOneAccount() throws Exception {
        String token = tokens.issue("idem", ApiScope.ACCOUNTS_WRITE);
        String number = unique("I");
        Map<String, Object> body = body(number, "Idempotent");
        List<String> statuses = dev.latchkey.accounts.AccountChangesIntegrationTests.race(
                4,
                i -> String.valueOf(api().post("/api/v1/accounts", token, body, "Idempotency-Key", "a-1")
                        .status()));
        assertThat(statuses).contains("201").allMatch(s -> s.equals("201") || s.equals("409"));
        Response replay = api().post("/api/v1/accounts", token, body, "Idempotency-Key", "a-1");
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body().get("number").asString()).isEqualTo(number);
        assertThat(jdbc.sql("select count(*) from account where number = ?")
                        .param(number)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void pagesFollowTheCursor() {
        String token = tokens.issue("pages", ApiScope.ACCOUNTS_WRITE, ApiScope.READ);
        for (int i = 0; i < 3; i++) {
            api().post("/api/v1/accounts", token, body(unique("P"), "Paged"));
        }
        List<Long> ids = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Response page = api().get("/api/v1/accounts?limit=2" + (next == null ? "" : "&cursor=" + next), token);
            assertThat(page.status()).isEqualTo(200);
            page.body().get("items").forEach(item -> ids.add(item.get("id").asLong()));
            JsonNode cursor = page.body().get("next");
            next = cursor == null || cursor.isNull() ? null : cursor.asString();
            pages++;
        } while (next != null && pages < 10_000);
        assertThat(ids).isSorted().doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
        assertThat(ids.size()).isEqualTo(accounts.page(0, 100_000).size());
    }

    @Test
    void malformedInputIsAlwaysAProblemAndChangesNothing() {
        String token = tokens.issue("fuzz", ApiScope.ACCOUNTS_WRITE, ApiScope.READ);
        long id = api().post("/api/v1/accounts", token, body(unique("F"), "Fuzz"))
                .body()
                .get("id")
                .asLong();
        long before = count();
        String huge = "x".repeat(70_000);
        List<String> bodies = List.of(
                "{",
                "[]",
                "\"text\"",
                "{\"number\": 1, \"name\": [], \"kind\": \"CUSTOMER\", \"contracts\": []}",
                "{\"number\": \"1\", \"name\": \"n\", \"kind\": \"NOPE\", \"contracts\": []}",
                // wrongly typed values are refused, not guessed at: an enum by position, a number or boolean as text
                "{\"number\": \"1\", \"name\": \"n\", \"kind\": 0, \"contracts\": []}",
                "{\"number\": \"1\", \"name\": 123, \"kind\": \"CUSTOMER\", \"contracts\": []}",
                "{\"number\": true, \"name\": \"n\", \"kind\": \"CUSTOMER\", \"contracts\": []}",
                "{\"number\": \"1\", \"name\": 1.5, \"kind\": \"CUSTOMER\", \"contracts\": []}",
                "{\"number\": \"1\", \"name\": \"n\", \"kind\": \"CUSTOMER\"}",
                "{\"number\": \"1\", \"name\": \"n\", \"kind\": \"CUSTOMER\", \"contracts\": [], \"extra\": 1}",
                "{\"number\": \"" + "9".repeat(31) + "\", \"name\": \"n\", \"kind\": \"CUSTOMER\", \"contracts\": []}",
                "{\"number\": \"1\", \"name\": \"" + huge + "\", \"kind\": \"CUSTOMER\", \"contracts\": []}",
                "{\"number\": \"1\", \"name\": \"n\", \"kind\": \"CUSTOMER\", \"contracts\": [null]}",
                "{\"number\": \"1\", \"name\": \"n\", \"kind\": \"CUSTOMER\", \"contracts\": [{\"number\": 1}]}",
                "{\"number\": \"1\\n\", \"name\": \"n\", \"kind\": \"CUSTOMER\", \"contracts\": []}",
                "{\"number\": \"1\", \"name\": \"n\", \"kind\": \"CUSTOMER\", \"externalId\": \"a b\","
                        + " \"contracts\": []}");
        for (String body : bodies) {
            assertProblem(send("POST", "/api/v1/accounts", token, body), body);
            assertProblem(send("PUT", "/api/v1/accounts/" + id, token, body), body);
            assertProblem(send("PUT", "/api/v1/accounts/by-external-id/fuzz-a", token, body), body);
            assertProblem(send("PATCH", "/api/v1/accounts/" + id, token, body.replace("CUSTOMER", "X")), body);
        }
        for (String path : List.of(
                "/api/v1/accounts/-1",
                "/api/v1/accounts/99999999999999999999",
                "/api/v1/accounts/x",
                "/api/v1/accounts?cursor=bm90LWFuLWlk",
                "/api/v1/accounts?cursor=%25",
                "/api/v1/accounts?limit=-1",
                "/api/v1/accounts?limit=201",
                "/api/v1/accounts?limit=abc")) {
            assertProblem(api().get(path, token), path);
        }
        assertProblem(api().delete("/api/v1/accounts/-5", token), "delete -5");
        assertProblem(api().post("/api/v1/accounts", token, body(unique("F"), "n"), "Idempotency-Key", ""), "key");
        assertThat(count()).isEqualTo(before);
        assertThat(accounts.findById(id).map(AccountView::version)).contains(0L);
    }

    private static void assertProblem(Response response, String what) {
        assertThat(response.status()).as(what).isBetween(400, 499);
        assertThat(response.isProblem()).as(what).isTrue();
    }

    private Response send(String method, String path, String token, String body) {
        return api().send(method, path, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single()
                + jdbc.sql("select count(*) from contract").query(Long.class).single();
    }

    static Map<String, Object> body(String number, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", number);
        body.put("name", name);
        body.put("kind", "CUSTOMER");
        body.put("contracts", List.of());
        return body;
    }

    private static Map<String, Object> contract(String number) {
        return Map.of("number", number, "type", "Lease", "status", "ACTIVE");
    }
}
