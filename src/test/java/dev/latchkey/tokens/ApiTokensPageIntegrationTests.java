package dev.latchkey.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.ApiClient;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestUsers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * F-API-2 {@code /admin/api-tokens}: a system admin makes a token (shown once), sees its scopes, expiry and last use,
 * and revokes it. Who else may open the page is in {@code AdminAuthorizationIntegrationTests}.
 */
@IntegrationTest
class ApiTokensPageIntegrationTests {

    static final String PAGE = "/admin/api-tokens";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    Browser admin;

    @BeforeEach
    void signIn() {
        admin = SignInSteps.admin(port, testUsers.admin().email(), TestUsers.PASSWORD, 1);
    }

    @Test
    void aNewTokenIsShownOnceWorksOnTheApiAndItsLastUseIsShown() {
        String name = "page-" + UUID.randomUUID().toString().substring(0, 8);

        Page created = create(name, List.of("read", "contacts:write"), "30");

        assertThat(created.status()).isEqualTo(200);
        Element shown = created.document().selectFirst("#new-token");
        assertThat(shown).isNotNull();
        String secret = shown.text();
        assertThat(secret).startsWith("lk_");
        assertThat(row(created, name).text()).contains("read", "contacts:write");
        assertThat(row(created, name).selectFirst(".token-last-use").text()).isEqualTo("never");

        Page again = admin.get(PAGE);
        assertThat(again.body()).doesNotContain(secret);
        assertThat(again.document().selectFirst("#new-token")).isNull();

        assertThat(ApiClient.at(port).get("/api/v1/no-such-resource", secret).status())
                .isEqualTo(404);
        Element used = row(admin.get(PAGE), name);
        assertThat(used.selectFirst(".token-last-use time")).isNotNull();
        assertThat(used.attr("data-token-status")).isEqualTo("active");
    }

    @Test
    void badInputIsRefusedWithAMessageAndCreatesNothing() {
        long before = count();
        String name = "bad-" + UUID.randomUUID().toString().substring(0, 8);

        for (Page refused : List.of(
                create("", List.of("read"), "30"),
                create("has space", List.of("read"), "30"),
                create("x".repeat(61), List.of("read"), "30"),
                create(name, List.of(), "30"),
                create(name, List.of("root"), "30"),
                create(name, List.of("read"), "0"),
                create(name, List.of("read"), "366"),
                create(name, List.of("read"), "-5"))) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.alerts()).isNotBlank();
            assertThat(refused.document().selectFirst("#new-token")).isNull();
        }
        assertThat(create(name, List.of("read"), "many").status()).isEqualTo(400);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aNameIsNeverUsedTwice() {
        String name = "twice-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(create(name, List.of("read"), "30").status()).isEqualTo(200);

        Page again = create(name, List.of("read"), "30");

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.document().selectFirst("#new-token")).isNull();
    }

    @Test
    void revokingEndsTheTokenAtOnceIsIdempotentAndAnUnknownTokenIsNotFound() {
        String name = "revoke-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = create(name, List.of("read"), "30")
                .document()
                .selectFirst("#new-token")
                .text();
        Page page = admin.get(PAGE);

        Page revoked = admin.submit(page, "[data-token=" + name + "] form", Map.of());
        assertThat(revoked.location()).isEqualTo(PAGE + "?revoked");
        assertThat(ApiClient.at(port).get("/api/v1/no-such-resource", secret).status())
                .isEqualTo(401);
        Element row = row(admin.get(PAGE), name);
        assertThat(row.attr("data-token-status")).isEqualTo("revoked");
        assertThat(row.selectFirst(".revoke-token")).isNull();

        assertThat(admin.submit(page, "[data-token=" + name + "] form", Map.of())
                        .location())
                .isEqualTo(PAGE + "?revoked");
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'api.token-revoked' and detail = ?")
                        .param("token " + name)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(admin.post(PAGE + "/999999999999999999/revoke", Map.of("_csrf", csrf(page)))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aFormWithoutItsCsrfTokenChangesNothing() {
        long before = count();
        String name = "csrf-" + UUID.randomUUID().toString().substring(0, 8);

        Page refused = admin.post(PAGE, Map.of("name", name, "scopes", "read", "days", "30"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(count()).isEqualTo(before);
    }

    private Page create(String name, List<String> scopes, String days) {
        Page page = admin.get(PAGE);
        String body = "_csrf=" + encode(csrf(page)) + "&name=" + encode(name) + "&days=" + encode(days)
                + scopes.stream().map(s -> "&scopes=" + encode(s)).collect(Collectors.joining());
        return admin.postRaw(PAGE, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
    }

    private static String csrf(Page page) {
        return page.document().selectFirst("#token-form input[name=_csrf]").attr("value");
    }

    private static Element row(Page page, String name) {
        Element row = page.document().selectFirst("tr[data-token=" + name + "]");
        assertThat(row).as("row of %s", name).isNotNull();
        return row;
    }

    private long count() {
        return jdbc.sql("select count(*) from api_token").query(Long.class).single();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
