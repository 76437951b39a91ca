package dev.latchkey.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.ApiScope;
import dev.latchkey.api.Cursors;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.test.ApiClient;
import dev.latchkey.test.ApiClient.Response;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.TestTokens;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** F-API-1 the audit feed: everything since a cursor, oldest first, each event once, and a cursor to poll with. */
@IntegrationTest
class AuditEventsApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    ApiClient api() {
        return ApiClient.at(port);
    }

    @Test
    void theFeedHandsOutEverythingSinceTheCursorOnceOldestFirst() {
        String token = tokens.issue("siem", ApiScope.AUDIT_READ);
        String start = Cursors.ofId("audit", lastId());
        List<UserView> locked = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UserView user = testUsers.portalUser("globex");
            users.lock(user.id(), "feed-test");
            locked.add(user);
        }
        Response early = api().get("/api/v1/audit-events?after=" + start, token);
        assertThat(early.status()).isEqualTo(200);
        assertThat(early.body().get("items").size()).as("too fresh to hand out").isZero();
        assertThat(early.body().get("next").asString())
                .as("an empty page keeps the cursor")
                .isEqualTo(start);

        clock.advance(AuditLog.FEED_SETTLE.plusSeconds(1));
        List<Long> ids = new ArrayList<>();
        List<String> lockedNames = new ArrayList<>();
        String next = start;
        for (int page = 0; page < 50; page++) {
            Response answer = api().get("/api/v1/audit-events?limit=2&after=" + next, token);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("items").size()).isLessThanOrEqualTo(2);
            answer.body().get("items").forEach(item -> {
                ids.add(item.get("id").asLong());
                if (item.get("type").asString().equals("admin.locked")) {
                    lockedNames.add(item.get("username").asString());
                    assertThat(item.get("actor").asString()).isEqualTo("feed-test");
                }
            });
            String following = answer.body().get("next").asString();
            if (answer.body().get("items").isEmpty()) {
                assertThat(following).isEqualTo(next);
                break;
            }
            next = following;
        }
        assertThat(ids).doesNotHaveDuplicates().isSorted();
        assertThat(lockedNames)
                .containsExactlyElementsOf(locked.stream().map(UserView::email).toList());

        Response later = api().get("/api/v1/audit-events?after=" + next, token);
        assertThat(later.body().get("items").size()).as("nothing twice").isZero();
    }

    @Test
    void theFeedNeedsTheAuditScope() {
        String reader = tokens.issue("no-audit", ApiScope.READ, ApiScope.USERS_WRITE, ApiScope.SITES_WRITE);
        Response refused = api().get("/api/v1/audit-events", reader);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(api().get("/api/v1/audit-events", null).status()).isEqualTo(401);
        Response first = api().get("/api/v1/audit-events?limit=1", tokens.issue("siem", ApiScope.AUDIT_READ));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("next").isString())
                .as("from the oldest kept, with a cursor")
                .isTrue();
    }

    @Test
    void badCursorsAndLimitsAreABadRequestNamingTheParameter() {
        String token = tokens.issue("siem", ApiScope.AUDIT_READ);
        for (String query : List.of(
                "after=nope",
                "after=%2F%2F",
                "after=" + "A".repeat(3000),
                "after=" + Cursors.encode("-4"),
                "after=" + Cursors.encode("99999999999999999999"),
                "after=" + Cursors.encode("7", "8"),
                "limit=0",
                "limit=201",
                "limit=x",
                "limit=-3")) {
            Response answer = api().get("/api/v1/audit-events?" + query, token);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.isProblem()).as(query).isTrue();
            String field = query.substring(0, query.indexOf('='));
            assertThat(answer.body().get("errors").get(0).get("field").asString())
                    .as(query)
                    .isEqualTo(field);
        }
        Response empty = api().get("/api/v1/audit-events?limit=1&after=", token);
        assertThat(empty.status())
                .as("an empty cursor is the first page, as on every list")
                .isEqualTo(200);
        assertThat(empty.body().get("next"))
                .isEqualTo(
                        api().get("/api/v1/audit-events?limit=1", token).body().get("next"));
        Response far = api().get("/api/v1/audit-events?after=" + Cursors.ofId("audit", Long.MAX_VALUE / 2), token);
        assertThat(far.status()).isEqualTo(200);
        assertThat(far.body().get("items").size()).isZero();
    }

    private long lastId() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event")
                .query(Long.class)
                .single();
    }
}
