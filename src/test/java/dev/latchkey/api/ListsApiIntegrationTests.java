package dev.latchkey.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.accounts.AccountData;
import dev.latchkey.accounts.AccountKind;
import dev.latchkey.accounts.AccountView;
import dev.latchkey.accounts.Accounts;
import dev.latchkey.accounts.ContactData;
import dev.latchkey.accounts.ContactDetails;
import dev.latchkey.accounts.Contacts;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.test.ApiClient;
import dev.latchkey.test.ApiClient.Response;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.TestTokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The four cursor lists (accounts, contacts, users, the audit feed) follow one set of rules: a cursor works only on the
 * list that handed it out ({@link Cursors#ofId}), and {@code limit} is read the same way by all
 * ({@link ApiPage#limit}).
 */
@IntegrationTest
class ListsApiIntegrationTests {

    /** Each list: its path and the query parameter its cursor goes back in. */
    static final Map<String, String> LISTS = new LinkedHashMap<>(Map.of(
            "/api/v1/accounts", "cursor",
            "/api/v1/contacts", "cursor",
            "/api/v1/users", "cursor",
            "/api/v1/audit-events", "after"));

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    Accounts accounts;

    @Autowired
    Contacts contacts;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    String token;

    /** The audit feed read from just before this test's events, not from the first event of the whole run. */
    String auditStart;

    ApiClient api() {
        return ApiClient.at(port);
    }

    @BeforeEach
    void twoRowsOnEachList() {
        auditStart = Cursors.ofId(
                "audit",
                jdbc.sql("select coalesce(max(id), 0) from audit_event")
                        .query(Long.class)
                        .single());
        token = tokens.issue("lists", ApiScope.READ, ApiScope.AUDIT_READ);
        for (int i = 0; i < 2; i++) {
            AccountView account = accounts.create(
                    new AccountData(unique("L"), "Lists " + i, AccountKind.CUSTOMER, unique("lists-"), List.of()));
            contacts.create(new ContactData(account.id(), unique("lc-"), new ContactDetails("Lists " + i, null, null)));
        }
        // two audit events written before this returns (the creation of this token and another's), then past the
        // feed's settle window, which holds back younger events. The feed also stops at an event an earlier class
        // wrote with its clock moved forward, so it is read from auditStart (query).
        tokens.issue("lists-audit", ApiScope.READ);
        clock.advance(AuditLog.FEED_SETTLE.plusSeconds(1));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCursorOfOneListIsRefusedByEveryOtherAndAcceptedByItsOwn() {
        Map<String, String> cursors = new LinkedHashMap<>();
        for (String list : LISTS.keySet()) {
            Response first = api().get(query(list) + "limit=1", token);
            assertThat(first.status()).as(list + ": " + first.text()).isEqualTo(200);
            assertThat(first.body().get("next").isString())
                    .as(list + " has a next page")
                    .isTrue();
            cursors.put(list, first.body().get("next").asString());
        }
        for (var from : cursors.entrySet()) {
            for (var to : LISTS.entrySet()) {
                String what = "a cursor of " + from.getKey() + " on " + to.getKey();
                Response answer = api().get(to.getKey() + "?limit=1&" + to.getValue() + "=" + from.getValue(), token);
                if (from.getKey().equals(to.getKey())) {
                    assertThat(answer.status()).as(what).isEqualTo(200);
                    continue;
                }
                assertThat(answer.status()).as(what).isEqualTo(400);
                assertThat(answer.isProblem()).as(what).isTrue();
                assertThat(answer.body().get("errors").findValuesAsString("field"))
                        .as(what)
                        .containsExactly(to.getValue());
            }
        }
    }

    @Test
    void anUntaggedOrMistaggedIdCursorIsRefusedByEveryList() {
        for (var list : LISTS.entrySet()) {
            for (String cursor : List.of(
                    Cursors.encode("1"), Cursors.encode("sites:1"), Cursors.encode(":1"), Cursors.encode("users"))) {
                Response answer = api().get(list.getKey() + "?" + list.getValue() + "=" + cursor, token);
                assertThat(answer.status()).as(list.getKey() + " " + cursor).isEqualTo(400);
                assertThat(answer.body().get("errors").findValuesAsString("field"))
                        .containsExactly(list.getValue());
            }
        }
    }

    @Test
    void everyListReadsLimitTheSameWay() {
        List<String> odd = List.of(
                "limit=",
                "limit=%20",
                "limit=0x10",
                "limit=%2B5",
                "limit=5%20",
                "limit=%205",
                "limit=00050",
                "limit=%EF%BC%95",
                "limit=5&limit=6",
                "limit=0",
                "limit=201",
                "limit=-1",
                "limit=1e1",
                "limit=5.0");
        for (String list : LISTS.keySet()) {
            for (String query : odd) {
                Response answer = api().get(query(list) + query, token);
                assertThat(answer.status()).as(list + "?" + query).isEqualTo(400);
                assertThat(answer.isProblem()).as(list + "?" + query).isTrue();
                assertThat(answer.body().get("errors").findValuesAsString("field"))
                        .as(list + "?" + query)
                        .containsExactly("limit");
            }
            for (String good : List.of("limit=1", "limit=005", "limit=200")) {
                Response answer = api().get(query(list) + good, token);
                assertThat(answer.status()).as(list + "?" + good).isEqualTo(200);
                assertThat(answer.body().get("items").size())
                        .as(list + "?" + good)
                        .isLessThanOrEqualTo(Integer.parseInt(good.substring("limit=".length())));
            }
            assertThat(api().get(query(list) + "limit=1", token)
                            .body()
                            .get("items")
                            .size())
                    .as(list)
                    .isEqualTo(1);
        }
    }

    /** The list's address and the start of its query: the audit feed's from {@link #auditStart}. */
    private String query(String list) {
        return list.equals("/api/v1/audit-events") ? list + "?after=" + auditStart + "&" : list + "?";
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 12);
    }
}
