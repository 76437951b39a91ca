package dev.latchkey.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.tokens.TokenScope;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.ErrorResponseException;

/** The small rules of the API's plumbing: scopes, ETags, cursors, page sizes, body limits. */
class ApiPlumbingTests {

    @Test
    void everyApiScopeIsATokenScopeAndBack() {
        assertThat(Arrays.stream(ApiScope.values()).map(ApiScope::code))
                .containsExactlyElementsOf(
                        Arrays.stream(TokenScope.values()).map(TokenScope::code).toList());
        for (ApiScope scope : ApiScope.values()) {
            assertThat(ApiScope.of(scope.tokenScope())).isEqualTo(scope);
            assertThat(scope.authority()).isEqualTo("SCOPE_" + scope.code());
        }
    }

    @Test
    void anETagIsStrongAndQuotedAndAStaleOneIs412() {
        String current = ETags.of(12, 3);
        assertThat(current).isEqualTo("\"12.3\"");
        assertThat(ETags.of("a b", 1)).startsWith("\"").endsWith("\"").doesNotContain(" ");

        ETags.check(null, current);
        // present but empty is a mistake, never an unconditional write
        for (String empty : new String[] {"", " "}) {
            assertThatThrownBy(() -> ETags.check(empty, current))
                    .isInstanceOfSatisfying(
                            ErrorResponseException.class,
                            ex -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        }
        ETags.check(current, current);
        ETags.check("\"x\", " + current, current);
        ETags.check("*", current);
        assertThatThrownBy(() -> ETags.check(ETags.of(12, 2), current))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        ex -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED));
        assertThatThrownBy(() -> ETags.check("W/" + current, current)).isInstanceOf(ErrorResponseException.class);
    }

    @Test
    void aCursorDecodesToItsKeysAndAnythingElseIs400() {
        String cursor = Cursors.encode("2026-12-01T08:00:00Z", "42");
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(Cursors.decode(cursor, 2)).containsExactly("2026-12-01T08:00:00Z", "42");
        assertThat(Cursors.decode(null, 2)).isEmpty();
        assertThat(Cursors.decode("", 2)).isEmpty();
        for (String bad : List.of("%%", "not base64!", cursor + "===", "x".repeat(1001), Cursors.encode("1"))) {
            assertThatThrownBy(() -> Cursors.decode(bad, 2))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            ErrorResponseException.class,
                            ex -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        }
    }

    @Test
    void anIdCursorDecodesToItsIdAndAnythingElseIs400NamingTheParameter() {
        assertThat(Cursors.id("audit", Cursors.ofId("audit", 42), "after")).isEqualTo(42);
        assertThat(Cursors.id("users", Cursors.ofId("users", Long.MAX_VALUE), "cursor"))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(Cursors.id("audit", null, "cursor")).isZero();
        assertThat(Cursors.id("audit", "", "cursor")).isZero();
        for (String bad : List.of(
                "%%",
                "x".repeat(1001),
                Cursors.encode("42"),
                Cursors.encode("audit:-4"),
                Cursors.encode("audit:+4"),
                Cursors.encode("audit:"),
                Cursors.encode("audit:99999999999999999999"),
                Cursors.encode("audit:1", "2"),
                Cursors.encode("audits:1"),
                Cursors.encode("AUDIT:1"),
                Cursors.ofId("users", 42),
                Cursors.ofId("accounts", 42))) {
            assertThatThrownBy(() -> Cursors.id("audit", bad, "after"))
                    .as(bad)
                    .isInstanceOfSatisfying(ErrorResponseException.class, ex -> {
                        assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                        assertThat(ex.getBody().getProperties().get("errors").toString())
                                .contains("field=after");
                    });
        }
    }

    @Test
    void aPageHolds1To200ItemsAnd50ByDefault() {
        assertThat(ApiPage.limit(null)).isEqualTo(50);
        assertThat(ApiPage.limit("1")).isEqualTo(1);
        assertThat(ApiPage.limit("200")).isEqualTo(200);
        assertThat(ApiPage.limit(null, 100)).isEqualTo(100);
        assertThat(ApiPage.limit("007", 100)).isEqualTo(7);
        assertThat(ApiPage.limit("200", 100)).isEqualTo(200);
        for (String bad : List.of(
                "",
                "0",
                "000",
                "201",
                "-1",
                "+5",
                "ten",
                "1e2",
                " 5",
                "5 ",
                "0x10",
                "00050",
                "\uFF15",
                "99999999999")) {
            assertThatThrownBy(() -> ApiPage.limit(bad, 100)).as(bad).isInstanceOf(ErrorResponseException.class);
        }
    }

    @Test
    void onlyTheBulkNdjsonStreamMayBeLargerThan64KiB() {
        assertThat(RequestSizeLimit.limitOf(request("POST", "/api/v1/contacts", "application/json")))
                .isEqualTo(64 * 1024);
        assertThat(RequestSizeLimit.limitOf(request("POST", "/api/v1/contacts/bulk", "application/json")))
                .isEqualTo(64 * 1024);
        assertThat(RequestSizeLimit.limitOf(request("PUT", "/api/v1/contacts/bulk", "application/x-ndjson")))
                .isEqualTo(64 * 1024);
        assertThat(RequestSizeLimit.limitOf(request("POST", "/api/v1/contacts/bulk", "application/x-ndjson")))
                .isEqualTo(64L * 1024 * 1024);
    }

    private static MockHttpServletRequest request(String method, String path, String contentType) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setContentType(contentType);
        return request;
    }
}
