package dev.latchkey.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.accounts.AccountData;
import dev.latchkey.accounts.AccountKind;
import dev.latchkey.accounts.AccountView;
import dev.latchkey.accounts.Accounts;
import dev.latchkey.api.ApiScope;
import dev.latchkey.test.ApiClient;
import dev.latchkey.test.ApiClient.Response;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.InvitationLinks;
import dev.latchkey.test.TestTokens;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** F-API: contact persons over the API, their portal users following, and the bulk sync. */
@IntegrationTest
class ContactsApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    Accounts accounts;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    ApiClient api() {
        return ApiClient.at(port);
    }

    @Test
    void eachOperationNeedsItsScope() {
        AccountView account = account();
        String read = tokens.issue("read", ApiScope.READ);
        String write = tokens.issue("write", ApiScope.CONTACTS_WRITE);
        String otherWrite = tokens.issue("other", ApiScope.ACCOUNTS_WRITE, ApiScope.USERS_WRITE);
        long id = contact(write, account, "Scope", null, null).get("id").asLong();
        Map<String, Object> body = contactBody(account, "Scope", null, null);

        for (String token : List.of(write, otherWrite)) {
            assertThat(api().get("/api/v1/contacts", token).status()).isEqualTo(403);
            assertThat(api().get("/api/v1/contacts/" + id, token).status()).isEqualTo(403);
        }
        assertThat(api().get("/api/v1/contacts?accountId=" + account.id(), read).status())
                .isEqualTo(200);
        assertThat(api().get("/api/v1/contacts/" + id, read).status()).isEqualTo(200);
        for (String token : List.of(read, otherWrite)) {
            assertForbidden(api().post("/api/v1/contacts", token, body));
            assertForbidden(api().put("/api/v1/contacts/" + id, token, body));
            assertForbidden(api().put("/api/v1/contacts/by-external-id/x-" + id, token, body));
            assertForbidden(api().post("/api/v1/contacts/" + id + "/promote", token, Map.of("site", "acme")));
            assertForbidden(api().delete("/api/v1/contacts/" + id, token));
            assertForbidden(bulk(token, "{}\n"));
        }
        // promoting makes a portal user: it takes users:write as well as contacts:write
        assertForbidden(api().post("/api/v1/contacts/" + id + "/promote", write, Map.of("site", "acme")));
        assertThat(accounts.findContact(id).orElseThrow().portalUserId()).isNull();
        assertThat(api().get("/api/v1/contacts/" + id, null).status()).isEqualTo(401);
        assertThat(api().post("/api/v1/contacts", null, body).status()).isEqualTo(401);
        assertThat(accounts.contactsOf(account.id())).hasSize(1);
    }

    @Test
    void aStaleETagIsRefusedAndChangesNothing() {
        AccountView account = account();
        String token = tokens.issue("etag", ApiScope.CONTACTS_WRITE, ApiScope.READ);
        Response created = api().post("/api/v1/contacts", token, contactBody(account, "First", null, null));
        String etag = created.header("ETag").orElseThrow();
        long id = created.body().get("id").asLong();

        Response changed = api().put(
                        "/api/v1/contacts/" + id, token, contactBody(account, "Second", null, null), "If-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag").orElseThrow()).isNotEqualTo(etag);

        Response stale =
                api().put("/api/v1/contacts/" + id, token, contactBody(account, "Lost", null, null), "If-Match", etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.isProblem()).isTrue();
        assertThat(api().delete("/api/v1/contacts/" + id, token, "If-Match", etag)
                        .status())
                .isEqualTo(412);
        assertThat(accounts.findContact(id).orElseThrow().name()).isEqualTo("Second");
        assertThat(api().delete(
                                "/api/v1/contacts/" + id,
                                token,
                                "If-Match",
                                changed.header("ETag").orElseThrow())
                        .status())
                .isEqualTo(204);
        assertThat(accounts.findContact(id)).isEmpty();
    }

    @Test
    void promotionSendsTheInvitationAndEditsReachTheUser() {
        AccountView account = account();
        String token = tokens.issue("promote", ApiScope.CONTACTS_WRITE, ApiScope.USERS_WRITE, ApiScope.READ);
        String email = unique("api") + "@example.com";
        long id = contact(token, account, "Pat Api", email, "020 123 4567")
                .get("id")
                .asLong();

        Response promoted = api().post("/api/v1/contacts/" + id + "/promote", token, Map.of("site", "acme"));
        assertThat(promoted.status()).isEqualTo(200);
        long userId = promoted.body().get("portalUserId").asLong();
        InvitationLinks.await(email, 1);
        assertThat(users.find(userId).orElseThrow().phone()).isEqualTo("+31201234567");
        assertThat(api().post("/api/v1/contacts/" + id + "/promote", token, Map.of("site", "acme"))
                        .body()
                        .get("reason")
                        .asString())
                .isEqualTo("ALREADY_PROMOTED");

        String newEmail = unique("new") + "@example.com";
        Response edited = api().put(
                        "/api/v1/contacts/" + id,
                        token,
                        contactBody(account, "Pat Api", newEmail, "12"),
                        "If-Match",
                        promoted.header("ETag").orElseThrow());

        assertThat(edited.status()).isEqualTo(200);
        UserView user = users.find(userId).orElseThrow();
        assertThat(user.email()).isEqualTo(newEmail);
        assertThat(user.phone()).isNull();
        assertThat(edited.body().get("phone").asString()).isEqualTo("12");
        JsonNode warning = edited.body().get("warnings").get(0);
        assertThat(warning.get("site").asString()).isEqualTo("acme");
        assertThat(warning.get("problem").asString()).isEqualTo("TOO_SHORT");
        assertThat(warning.get("message").asString()).contains("12");
        InvitationLinks.await(newEmail, 1);

        Response delete = api().delete("/api/v1/contacts/" + id, token);
        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.body().get("reason").asString()).isEqualTo("HAS_PORTAL_USER");
        assertThat(accounts.findContact(id)).isPresent();
    }

    @Test
    void aReplayedIdempotencyKeyCreatesOneContactAndAnswersTheSame() throws Exception {
        AccountView account = account();
        String token = tokens.issue("idem", ApiScope.CONTACTS_WRITE);
        Map<String, Object> body = contactBody(account, "Once", null, null);

        Response first = api().post("/api/v1/contacts", token, body, "Idempotency-Key", "k-1");
        Response replay = api().post("/api/v1/contacts", token, body, "Idempotency-Key", "k-1");
        Response other = api().post(
                        "/api/v1/contacts", token, contactBody(account, "Other", null, null), "Idempotency-Key", "k-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(accounts.contactsOf(account.id())).hasSize(1);

        List<String> statuses = dev.latchkey.accounts.AccountChangesIntegrationTests.race(
                4,
                i -> String.valueOf(api().post("/api/v1/contacts", token, body, "Idempotency-Key", "k-2")
                        .status()));
        assertThat(statuses).contains("201").allMatch(s -> s.equals("201") || s.equals("409"));
        assertThat(accounts.contactsOf(account.id())).hasSize(2);
    }

    @Test
    void anUnreadablePhoneIsKeptOnTheContactWithAWarningPerSite() {
        AccountView account = account();
        String token = tokens.issue("phone", ApiScope.CONTACTS_WRITE);
        JsonNode contact = contact(token, account, "Garbage Phone", null, "garbage");
        assertThat(contact.get("phone").asString()).isEqualTo("garbage");
        assertThat(contact.get("warnings").size()).isPositive();
        assertThat(contact.get("warnings").get(0).get("problem").asString()).isEqualTo("NOT_A_NUMBER");
        JsonNode fine = contact(token, account, "Fine Phone", null, null);
        assertThat(fine.get("warnings").size()).isZero();
    }

    @Test
    void anUpsertCreatesThenUpdatesThenLeavesAlone() {
        AccountView account = account();
        String token = tokens.issue("upsert", ApiScope.CONTACTS_WRITE);
        String path = "/api/v1/contacts/by-external-id/" + unique("crm-");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountExternalId", account.externalId());
        body.put("name", "Upserted");

        Response created = api().put(path, token, body);
        Response same = api().put(path, token, body);
        body.put("email", "u@example.com");
        Response updated = api().put(path, token, body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Upsert-Outcome")).contains("created");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.header("Upsert-Outcome")).contains("unchanged");
        assertThat(same.header("ETag")).isEqualTo(created.header("ETag"));
        assertThat(updated.header("Upsert-Outcome")).contains("updated");
        assertThat(updated.body().get("email").asString()).isEqualTo("u@example.com");
        assertThat(accounts.contactsOf(account.id())).hasSize(1);
    }

    @Test
    void theBulkSyncReportsEachLine() {
        AccountView account = account();
        String token = tokens.issue("bulk", ApiScope.CONTACTS_WRITE);
        String prefix = unique("bulk-");
        String good = line(prefix + "1", account.externalId(), "Good One");
        String ndjson = good + "\n"
                + "{not json\n"
                + "\n"
                + line(prefix + "2", "no-such-account", "Lost") + "\n"
                + "{\"externalId\": \"" + prefix + "3\", \"accountExternalId\": \"" + account.externalId()
                + "\", \"name\": \"\", \"email\": \"not-an-email\"}\n"
                + "{\"externalId\": \"" + prefix + "4\", \"accountExternalId\": \"" + account.externalId()
                + "\", \"name\": \"X\", \"surprise\": 1}\n"
                + line(prefix + "5", account.externalId(), "Good Two");

        Response first = bulk(token, ndjson);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("created").asLong()).isEqualTo(2);
        assertThat(first.body().get("refused").asLong()).isEqualTo(4);
        assertThat(first.body().get("refusals").findValuesAsString("line"))
                .containsExactlyInAnyOrder("2", "4", "5", "6");
        assertThat(first.body().get("refusals").toString()).contains("unknown field: surprise");
        for (JsonNode refusal : first.body().get("refusals")) {
            if (refusal.get("line").asInt() == 5) {
                assertThat(refusal.get("externalId").asString()).isEqualTo(prefix + "3");
                assertThat(refusal.get("reasons").toString()).contains("name", "email");
            }
        }

        Response second = bulk(token, good + "\n" + line(prefix + "5", account.externalId(), "Changed"));
        assertThat(second.body().get("unchanged").asLong()).isEqualTo(1);
        assertThat(second.body().get("updated").asLong()).isEqualTo(1);
        assertThat(accounts.contactsOf(account.id()))
                .extracting(c -> c.name())
                .containsExactlyInAnyOrder("Good One", "Changed");
    }

    @Test
    void malformedInputIsAlwaysAProblemAndChangesNothing() {
        AccountView account = account();
        String token = tokens.issue("fuzz", ApiScope.CONTACTS_WRITE, ApiScope.USERS_WRITE, ApiScope.READ);
        long id = contact(token, account, "Fuzz", null, null).get("id").asLong();
        long before = count();
        String huge = "x".repeat(10_000);
        List<String> bodies = List.of(
                "{",
                "[]",
                "null",
                "42",
                "{\"name\": 5, \"accountId\": \"x\"}",
                "{\"name\": \"N\", \"accountId\": " + account.id() + ", \"unknown\": true}",
                "{\"name\": \"" + huge + "\", \"accountId\": " + account.id() + "}",
                "{\"name\": \"N\", \"accountId\": " + account.id() + ", \"email\": \"" + huge + "@x.nl\"}",
                "{\"name\": \"N\", \"accountId\": -1}",
                "{\"name\": \"N\", \"accountId\": 99999999999999999999}",
                "{\"name\": \"N\", \"accountId\": 9223372036854775807}",
                "{\"name\": \"N\", \"accountId\": " + account.id() + ", \"accountExternalId\": \"a\"}",
                "{\"name\": \"N\\u0000\", \"accountId\": " + account.id() + "}",
                "{\"name\": \"N\", \"accountExternalId\": \"a/b\"}");
        for (String body : bodies) {
            assertProblem(send("POST", "/api/v1/contacts", token, body), body);
            assertProblem(send("PUT", "/api/v1/contacts/" + id, token, body), body);
            assertProblem(send("PUT", "/api/v1/contacts/by-external-id/fuzz-x", token, body), body);
        }
        for (String path : List.of(
                "/api/v1/contacts/-1",
                "/api/v1/contacts/99999999999999999999",
                "/api/v1/contacts/abc",
                "/api/v1/contacts?cursor=%25%25%25",
                "/api/v1/contacts?cursor=aWQ6LTE",
                "/api/v1/contacts?cursor=" + "A".repeat(500),
                "/api/v1/contacts?limit=0",
                "/api/v1/contacts?limit=100000000000",
                "/api/v1/contacts?accountId=x")) {
            assertProblem(api().get(path, token), path);
        }
        assertProblem(send("PUT", "/api/v1/contacts/by-external-id/" + "y".repeat(300), token, "{}"), "long id");
        assertProblem(api().post("/api/v1/contacts/" + id + "/promote", token, "{\"site\": \"nope\"}"), "site");
        assertProblem(api().post("/api/v1/contacts/" + id + "/promote", token, "{\"site\": 1}"), "site");
        assertProblem(api().post("/api/v1/contacts/" + id + "/promote", token, "{}"), "no site");
        assertProblem(api().post("/api/v1/contacts", token, Map.of("name", "x"), "If-Match", "\"1-v0\""), "If");
        assertProblem(
                api().send("POST", "/api/v1/contacts/bulk", token, "application/json", "{}".getBytes(), new String[0]),
                "bulk as json");
        assertThat(count()).isEqualTo(before);
        assertThat(accounts.findContact(id).orElseThrow().version()).isZero();
    }

    private static void assertProblem(Response response, String what) {
        assertThat(response.status()).as(what).isBetween(400, 499);
        assertThat(response.isProblem()).as(what).isTrue();
    }

    private static void assertForbidden(Response response) {
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
    }

    private long count() {
        return jdbc.sql("select count(*) from contact_person").query(Long.class).single();
    }

    private Response send(String method, String path, String token, String body) {
        return api().send(method, path, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBulkLineWithWronglyTypedValuesIsRefusedNotGuessedAt() {
        AccountView account = account();
        String token = tokens.issue("bulk-types", ApiScope.CONTACTS_WRITE);

        Response answer = bulk(
                token,
                "{\"externalId\": 123, \"accountExternalId\": \"" + account.externalId() + "\", \"name\": 456}\n"
                        + "{\"externalId\": \"" + unique("t-") + "\", \"accountExternalId\": \"" + account.externalId()
                        + "\", \"name\": true}\n");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("refused").asInt()).isEqualTo(2);
        assertThat(answer.body().get("created").asInt()).isZero();
        assertThat(accounts.contactsOf(account.id())).isEmpty();
    }

    @Test
    void anEmptyIfMatchIsABadRequestAndNeverAnUnconditionalWrite() {
        AccountView account = account();
        String token = tokens.issue("empty-if-match", ApiScope.CONTACTS_WRITE, ApiScope.READ);
        long id = contact(token, account, "Before", null, null).get("id").asLong();

        Response answer =
                api().put("/api/v1/contacts/" + id, token, contactBody(account, "After", null, null), "If-Match", " ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(accounts.findContact(id).orElseThrow().name()).isEqualTo("Before");
    }

    @Test
    void aBulkStreamCutOffByTheSizeLimitSaysWhatTheBatchesBeforeTheCutWrote() {
        AccountView account = account();
        String token = tokens.issue("bulk-cut", ApiScope.CONTACTS_WRITE);
        String prefix = unique("cut-");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 1_500; i++) {
            lines.append(line(prefix + i, account.externalId(), "Cut " + i)).append('\n');
        }
        byte[] start = lines.toString().getBytes(StandardCharsets.UTF_8);
        byte[] padding = new byte[65 * 1024 * 1024]; // one line of spaces, past the 64 MiB limit
        java.util.Arrays.fill(padding, (byte) ' ');

        ApiClient.RawResponse answer = api().raw(
                        "POST /api/v1/contacts/bulk HTTP/1.1\r\nAuthorization: Bearer " + token
                                + "\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n",
                        chunked(start, padding));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.text()).contains("application/problem+json").contains("\"created\":1000");
        // the first batch of 1,000 was written and said so; the 500 lines read after it were not
        assertThat(accounts.contactsOf(account.id())).hasSize(1_000);
    }

    @Test
    void aBrokenChunkedStreamIsABadRequestAndWritesNothing() {
        AccountView account = account();
        String token = tokens.issue("bulk-broken", ApiScope.CONTACTS_WRITE);
        byte[] line = (line(unique("broken-"), account.externalId(), "Broken") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = ("5\r\n" + new String(line, 0, 5, StandardCharsets.UTF_8) + "\r\nZZZ\r\n")
                .getBytes(StandardCharsets.UTF_8);

        ApiClient.RawResponse answer = api().raw(
                        "POST /api/v1/contacts/bulk HTTP/1.1\r\nAuthorization: Bearer " + token
                                + "\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n",
                        body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).contains("application/problem+json");
        assertThat(accounts.contactsOf(account.id())).isEmpty();
    }

    /** {@code parts} in HTTP/1.1 chunked encoding, 1 MiB a chunk, with the last chunk. */
    private static byte[] chunked(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            for (int from = 0; from < part.length; from += 1024 * 1024) {
                int length = Math.min(1024 * 1024, part.length - from);
                out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(part, from, length);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    Response bulk(String token, String ndjson) {
        return api().send(
                        "POST",
                        "/api/v1/contacts/bulk",
                        token,
                        "application/x-ndjson",
                        ndjson.getBytes(StandardCharsets.UTF_8));
    }

    private static String line(String externalId, String accountExternalId, String name) {
        return "{\"externalId\": \"" + externalId + "\", \"accountExternalId\": \"" + accountExternalId
                + "\", \"name\": \"" + name + "\"}";
    }

    private JsonNode contact(String token, AccountView account, String name, String email, String phone) {
        Response created = api().post("/api/v1/contacts", token, contactBody(account, name, email, phone));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body();
    }

    static Map<String, Object> contactBody(AccountView account, String name, String email, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", account.id());
        body.put("name", name);
        body.put("email", email);
        body.put("phone", phone);
        return body;
    }

    private AccountView account() {
        return accounts.create(
                new AccountData(unique("N"), "Api Test", AccountKind.CUSTOMER, unique("acc-"), List.of()));
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 12);
    }
}
