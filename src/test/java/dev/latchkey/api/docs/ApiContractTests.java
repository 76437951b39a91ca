package dev.latchkey.api.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.test.ApiContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ApiContract} against the small hand-made document {@code src/test/resources/openapi/sample.json}. */
class ApiContractTests {

    static final Path SAMPLE = Path.of("src", "test", "resources", "openapi", "sample.json");

    final ApiContract contract = ApiContract.of(SAMPLE);

    @Test
    void aResponseAsDocumentedPasses() {
        contract.verify("GET", "/api/v1/contacts/42", 200, "application/json;charset=UTF-8", """
                {"id": 42, "name": "Ann", "email": null}""");
        contract.verify("GET", "/api/v1/contacts?limit=2&cursor=abc", 200, "application/json", """
                {"items": [{"id": 1, "name": "Ann", "email": "ann@example.com"}], "next": "xyz"}""");
        contract.verify("post", "/api/v1/contacts", 201, "application/json", """
                {"id": 7, "name": "Bob"}""");
        contract.verify("DELETE", "/api/v1/contacts/42", 204, null, "");
    }

    @Test
    void aStatusIsFoundByItsRangeOrTheDefault() {
        contract.verify("GET", "/api/v1/contacts?limit=0", 400, "application/problem+json", """
                {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "limit"}""");
        contract.verify("POST", "/api/v1/contacts", 422, "application/problem+json", """
                {"title": "Unprocessable", "status": 422}""");
    }

    @Test
    void aLiteralSegmentWinsOverATemplate() {
        contract.verify("POST", "/api/v1/contacts/bulk", 200, "application/json", """
                {"created": 3, "updated": 1}""");
    }

    @Test
    void aWrongTypeFails() {
        assertThat(contract.problems("GET", "/api/v1/contacts/42", 200, "application/json", """
                        {"id": "forty-two", "name": "Ann"}"""))
                .singleElement()
                .asString()
                .contains("/id")
                .contains("integer");
        assertThat(contract.problems("GET", "/api/v1/contacts", 200, "application/json", """
                        {"items": [{"id": 1, "name": 5}]}"""))
                .singleElement()
                .asString()
                .contains("/items/0/name")
                .contains("string");
    }

    @Test
    void aMissingRequiredFieldFails() {
        assertThat(contract.problems("GET", "/api/v1/contacts/42", 200, "application/json", """
                        {"id": 42}"""))
                .singleElement()
                .asString()
                .contains("name");
    }

    @Test
    void aBrokenRuleOfTheSchemaFails() {
        assertThat(contract.problems(
                        "GET", "/api/v1/contacts/42", 200, "application/json", """
                        {"id": 42, "name": "%s"}""".formatted("x".repeat(201))))
                .singleElement()
                .asString()
                .contains("200");
    }

    @Test
    void anUndocumentedStatusFails() {
        assertThatThrownBy(() -> contract.verify("GET", "/api/v1/contacts/42", 500, "application/json", "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the status 500 is not documented for GET /api/v1/contacts/{id}")
                .hasMessageContaining("200, 404");
    }

    @Test
    void anUndocumentedPathOrMethodFails() {
        assertThat(contract.problems("GET", "/api/v1/accounts/1", 200, "application/json", "{}"))
                .containsExactly("the path /api/v1/accounts/1 is not in the document");
        assertThat(contract.problems("GET", "/api/v1/contacts/42/promote", 200, "application/json", "{}"))
                .containsExactly("the path /api/v1/contacts/42/promote is not in the document");
        assertThat(contract.problems("PATCH", "/api/v1/contacts/42", 200, "application/json", "{}"))
                .containsExactly("PATCH is not documented for /api/v1/contacts/{id}");
    }

    @Test
    void itSaysWhichOperationsItDescribes() {
        assertThat(contract.describes("GET", "/api/v1/contacts/42?x=1")).isTrue();
        assertThat(contract.describes("delete", "/api/v1/contacts/42")).isTrue();
        assertThat(contract.describes("PATCH", "/api/v1/contacts/42")).isFalse();
        assertThat(contract.describes("GET", "/api/test/whoami")).isFalse();
    }

    @Test
    void aPathWithAnEncodedNulIsCoveredByNoDocumentForItNeverReachesLatchkey() {
        assertThat(ApiContract.covers("POST", "/api/v1/users/42/lock")).isTrue();
        assertThat(ApiContract.covers("POST", "/api/v1/users/42%00/lock")).isFalse();
        assertThat(ApiContract.covers("GET", "/api/v1/users/%00")).isFalse();
        assertThat(ApiContract.covers("GET", "/api/v1/users?q=%00"))
                .as("a NUL in the query reaches Latchkey, whose answer the document must describe")
                .isTrue();
    }

    @Test
    void aPathWithAnEncodedSlashOrBackslashIsCoveredByNoDocumentForTomcatRefusesIt() {
        for (String path : List.of(
                "/api/v1/users/1%2F2",
                "/api/v1/users/1%2f2",
                "/api/v1/users/1%5C2",
                "/api/v1/users/1%5c2",
                "/api/v1/contacts/%2F",
                "/api/v1/users/42%2F/lock")) {
            assertThat(ApiContract.covers("GET", path)).as(path).isFalse();
        }
        assertThat(ApiContract.covers("GET", "/api/v1/users?q=a%2Fb%5Cc"))
                .as("an encoded slash or backslash in the query reaches Latchkey")
                .isTrue();
        assertThat(ApiContract.covers("GET", "/api/v1/users/12")).isTrue();
    }

    @Test
    void anUndocumentedContentTypeOrBodyFails() {
        assertThat(contract.problems("GET", "/api/v1/contacts/42", 404, "application/json", """
                        {"title": "Not Found", "status": 404}"""))
                .singleElement()
                .asString()
                .contains("application/json is not documented for 404");
        assertThat(contract.problems("GET", "/api/v1/contacts/42", 200, "application/json", "not json"))
                .singleElement()
                .asString()
                .startsWith("the body is not JSON");
        assertThat(contract.problems("DELETE", "/api/v1/contacts/42", 204, "application/json", "{}"))
                .containsExactly("the response 204 has no body in the document, but one came");
        assertThat(contract.problems("GET", "/api/v1/contacts/42", 200, "application/json", ""))
                .singleElement()
                .asString()
                .startsWith("an empty body");
    }
}
