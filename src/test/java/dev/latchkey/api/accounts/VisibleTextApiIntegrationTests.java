package dev.latchkey.api.accounts;

import static dev.latchkey.api.accounts.AccountsApiIntegrationTests.body;
import static dev.latchkey.api.accounts.ContactsApiIntegrationTests.contactBody;
import static dev.latchkey.api.accounts.ContactsApiIntegrationTests.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.accounts.AccountData;
import dev.latchkey.accounts.AccountKind;
import dev.latchkey.accounts.AccountView;
import dev.latchkey.accounts.Accounts;
import dev.latchkey.accounts.ContactView;
import dev.latchkey.api.ApiScope;
import dev.latchkey.test.ApiClient;
import dev.latchkey.test.ApiClient.Response;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A name or number that shows nothing is blank, however it is made ({@link ApiText#isBlank}): refused with a 400 naming
 * the field by every create, replace and change of accounts and contact persons, and refused as a line of the bulk
 * sync; a given value is stored without the invisible characters around it.
 */
@IntegrationTest
class VisibleTextApiIntegrationTests {

    /** Each alone looks empty: separators that are not Java whitespace, Hangul fillers, the blank Braille pattern. */
    static final List<String> INVISIBLE =
            List.of("\u00a0", "\u2007", "\u202f", "\u3164", "\u2800", "\u115f", "\u1160", "\uffa0", "\u3000");

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    ApiClient api() {
        return ApiClient.at(port);
    }

    static List<String> blanks() {
        List<String> blanks = new java.util.ArrayList<>();
        for (String c : INVISIBLE) {
            blanks.add(c);
            blanks.add(c + c + " ");
        }
        blanks.add(String.join("", INVISIBLE));
        return blanks;
    }

    @Test
    void anAccountNameOrNumberThatShowsNothingIsRefusedByCreateReplaceUpsertAndPatch() {
        String token = tokens.issue("visible", ApiScope.ACCOUNTS_WRITE, ApiScope.READ);
        Response created = api().post("/api/v1/accounts", token, body(unique("V"), "Visible"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        String number = created.body().get("number").asString();
        long before = accountRows();
        for (String field : List.of("name", "number")) {
            for (String blank : blanks()) {
                String what = field + " [" + codes(blank) + "]";
                Map<String, Object> whole = body(unique("V"), "Whole");
                whole.put(field, blank);
                assertRefused(api().post("/api/v1/accounts", token, whole), field, what + " POST");
                assertRefused(api().put("/api/v1/accounts/" + id, token, whole), field, what + " PUT");
                assertRefused(
                        api().put("/api/v1/accounts/by-external-id/" + unique("vx-"), token, whole),
                        field,
                        what + " upsert");
                Map<String, Object> patch = new LinkedHashMap<>();
                patch.put(field, blank);
                assertRefused(api().patch("/api/v1/accounts/" + id, token, patch), field, what + " PATCH");
            }
        }
        AccountView after = accounts.findById(id).orElseThrow();
        assertThat(after.name()).isEqualTo("Visible");
        assertThat(after.number()).isEqualTo(number);
        assertThat(after.version()).isZero();
        assertThat(accountRows()).as("nothing created").isEqualTo(before);
    }

    @Test
    void aContractFieldThatShowsNothingIsRefused() {
        String token = tokens.issue("visible", ApiScope.ACCOUNTS_WRITE);
        long before = accountRows();
        for (String field : List.of("number", "type", "status")) {
            for (String blank : INVISIBLE) {
                Map<String, Object> contract =
                        new LinkedHashMap<>(Map.of("number", unique("C"), "type", "Lease", "status", "ACTIVE"));
                contract.put(field, blank);
                Map<String, Object> body = body(unique("V"), "With contract");
                body.put("contracts", List.of(contract));
                Response refused = api().post("/api/v1/accounts", token, body);
                assertThat(refused.status()).as(field + codes(blank)).isEqualTo(400);
                assertThat(refused.body().get("errors").findValuesAsString("field"))
                        .as(field + codes(blank))
                        .singleElement()
                        .asString()
                        .contains("contracts")
                        .endsWith(field);
            }
        }
        assertThat(accountRows()).isEqualTo(before);
    }

    @Test
    void aGivenNameOrNumberIsStoredWithoutTheInvisibleCharactersAroundIt() {
        String token = tokens.issue("visible", ApiScope.ACCOUNTS_WRITE, ApiScope.READ);
        String number = unique("S");
        Map<String, Object> padded = body("\u00a0" + number + "\u3164", " Name\u00a0");
        padded.put("contracts", List.of(Map.of("number", "\u2800" + number, "type", "Lease\u202f", "status", "A")));
        Response created = api().post("/api/v1/accounts", token, padded);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        AccountView stored = accounts.findById(id).orElseThrow();
        assertThat(stored.name()).isEqualTo("Name");
        assertThat(stored.number()).isEqualTo(number);
        assertThat(stored.contracts().get(0).number()).isEqualTo(number);
        assertThat(stored.contracts().get(0).type()).isEqualTo("Lease");
        assertThat(created.body().get("name").asString()).isEqualTo("Name");

        Response patched =
                api().patch("/api/v1/accounts/" + id, token, Map.of("name", "\u2007Re\u00a0named\u115f\uffa0 "));
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(accounts.findById(id).orElseThrow().name())
                .as("only the ends are stripped")
                .isEqualTo("Re\u00a0named");
    }

    @Test
    void aContactNameThatShowsNothingIsRefusedByCreateReplaceAndUpsert() {
        AccountView account = account();
        String token = tokens.issue("visible", ApiScope.CONTACTS_WRITE);
        Response created = api().post("/api/v1/contacts", token, contactBody(account, "Dana", null, null));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        for (String blank : blanks()) {
            String what = "[" + codes(blank) + "]";
            Map<String, Object> body = contactBody(account, blank, null, null);
            assertRefused(api().post("/api/v1/contacts", token, body), "name", what + " POST");
            assertRefused(api().put("/api/v1/contacts/" + id, token, body), "name", what + " PUT");
            assertRefused(
                    api().put("/api/v1/contacts/by-external-id/" + unique("cx-"), token, body),
                    "name",
                    what + " upsert");
        }
        assertThat(accounts.contactsOf(account.id())).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Dana");
            assertThat(c.version()).isZero();
        });

        Response padded = api().put(
                        "/api/v1/contacts/" + id, token, contactBody(account, "\u3164 Dana Jansen\u00a0", null, null));
        assertThat(padded.status()).as(padded.text()).isEqualTo(200);
        assertThat(accounts.contactsOf(account.id()))
                .extracting(ContactView::name)
                .containsExactly("Dana Jansen");
    }

    @Test
    void aBulkLineWhoseNameShowsNothingIsARefusedLineNotABadRequest() {
        AccountView account = account();
        String token = tokens.issue("visible", ApiScope.CONTACTS_WRITE);
        String prefix = unique("vb-");
        StringBuilder ndjson = new StringBuilder();
        List<String> blanks = blanks();
        for (int i = 0; i < blanks.size(); i++) {
            ndjson.append(line(prefix + i, account.externalId(), blanks.get(i))).append('\n');
        }
        ndjson.append(line(prefix + "ok", account.externalId(), "\u2800Padded\u202f"));

        Response answer = api().send(
                        "POST",
                        "/api/v1/contacts/bulk",
                        token,
                        "application/x-ndjson",
                        ndjson.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.body().get("refused").asInt()).isEqualTo(blanks.size());
        assertThat(answer.body().get("created").asInt()).isEqualTo(1);
        for (JsonNode refusal : answer.body().get("refusals")) {
            assertThat(refusal.get("reasons").toString()).as(refusal.toString()).contains("name");
        }
        assertThat(accounts.contactsOf(account.id()))
                .extracting(ContactView::name)
                .containsExactly("Padded");
    }

    private static void assertRefused(Response response, String field, String what) {
        assertThat(response.status()).as(what + ": " + response.text()).isEqualTo(400);
        assertThat(response.isProblem()).as(what).isTrue();
        assertThat(response.body().get("errors").findValuesAsString("field"))
                .as(what)
                .containsOnly(field);
    }

    private long accountRows() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    private AccountView account() {
        return accounts.create(
                new AccountData(unique("N"), "Visible Test", AccountKind.CUSTOMER, unique("acc-"), List.of()));
    }

    private static String line(String externalId, String accountExternalId, String name) {
        return "{\"externalId\": \"" + externalId + "\", \"accountExternalId\": \"" + accountExternalId
                + "\", \"name\": \"" + name + "\"}";
    }

    private static String codes(String text) {
        return text.codePoints()
                .mapToObj(c -> String.format("U+%04X", c))
                .reduce((a, b) -> a + " " + b)
                .orElse("");
    }
}
