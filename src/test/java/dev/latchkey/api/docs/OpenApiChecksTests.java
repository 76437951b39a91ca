package dev.latchkey.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks {@link OpenApiDocumentTests} runs on the generated document, proven on the hand-made
 * {@code openapi/sample.json}: it keeps every rule, and each change below is caught and named.
 */
class OpenApiChecksTests {

    final JsonNode sample = OpenApiDocuments.read(ApiContractTests.SAMPLE);

    @Test
    void theSampleKeepsEveryRuleAndBreaksNothingOfItself() {
        assertThat(OpenApiRules.problems(sample)).isEmpty();
        assertThat(OpenApiCompatibility.breaks(sample, sample.deepCopy())).isEmpty();
    }

    @Test
    void anOperationWithoutExamplesSummaryTagOrSecurityIsNamed() {
        JsonNode lacking = sample.deepCopy();
        ObjectNode get = (ObjectNode) lacking.at("/paths/~1api~1v1~1contacts~1{id}/get");
        ((ObjectNode) get.at("/responses/200/content/application~1json")).remove("example");
        get.remove("summary");
        ObjectNode post = (ObjectNode) lacking.at("/paths/~1api~1v1~1contacts/post");
        ((ObjectNode) post.at("/requestBody/content/application~1json")).remove("example");
        post.set("tags", OpenApiDocuments.JSON.createArrayNode());
        ((ObjectNode) lacking.at("/paths/~1api~1v1~1contacts~1{id}/delete")).set("security", emptySecurity());
        ((ObjectNode) lacking.at("/paths/~1api~1v1~1contacts~1bulk/post/responses")).remove("200");

        assertThat(OpenApiRules.problems(lacking))
                .containsExactlyInAnyOrder(
                        "GET /api/v1/contacts/{id}: no summary",
                        "GET /api/v1/contacts/{id}: response 200 (application/json): no example",
                        "POST /api/v1/contacts: no tag",
                        "POST /api/v1/contacts: request body (application/json): no example",
                        "DELETE /api/v1/contacts/{id}: not secured by bearerAuth",
                        "POST /api/v1/contacts/bulk: no success (2xx) response");
    }

    @Test
    void withoutTheDocumentsSecurityEveryOperationWithoutItsOwnIsNamed() {
        JsonNode open = sample.deepCopy();
        ((ObjectNode) open).set("security", emptySecurity());
        ((ObjectNode) open.at("/components/securitySchemes")).removeAll();

        assertThat(OpenApiRules.problems(open))
                .contains(
                        "components.securitySchemes.bearerAuth is not an HTTP bearer scheme",
                        "GET /api/v1/contacts: not secured by bearerAuth",
                        "POST /api/v1/contacts/bulk: not secured by bearerAuth")
                .noneMatch(problem -> problem.startsWith("DELETE")); // it names the scheme itself
    }

    @Test
    void whatAChangeBreaksIsNamed() {
        JsonNode changed = sample.deepCopy();
        ((ObjectNode) changed.path("paths")).remove("/api/v1/contacts/bulk");
        ((ObjectNode) changed.at("/paths/~1api~1v1~1contacts~1{id}")).remove("delete");
        ((ObjectNode) changed.at("/components/schemas/Contact/properties")).remove("email");
        ((ObjectNode) changed.at("/components/schemas/Contact/properties/id")).put("type", "string");
        ((ArrayNode) changed.at("/components/schemas/NewContact/required")).add("email");
        ((ObjectNode) changed.at("/paths/~1api~1v1~1contacts/get/parameters/0")).put("required", true);
        ((ObjectNode) changed.at("/paths/~1api~1v1~1contacts~1{id}/get/responses")).remove("404");

        assertThat(OpenApiCompatibility.breaks(sample, changed))
                .containsExactlyInAnyOrder(
                        "removed path /api/v1/contacts/bulk",
                        "removed operation DELETE /api/v1/contacts/{id}",
                        "GET /api/v1/contacts: newly required parameter query:limit",
                        "GET /api/v1/contacts response 200.items[]: removed response field email",
                        "GET /api/v1/contacts response 200.items[].id: changed type from [integer] to [string]",
                        "POST /api/v1/contacts request: newly required request field email",
                        "POST /api/v1/contacts response 201: removed response field email",
                        "POST /api/v1/contacts response 201.id: changed type from [integer] to [string]",
                        "GET /api/v1/contacts/{id}: removed response 404",
                        "GET /api/v1/contacts/{id} response 200: removed response field email",
                        "GET /api/v1/contacts/{id} response 200.id: changed type from [integer] to [string]");
    }

    @Test
    void additionsAndLooserRequestsBreakNothing() {
        JsonNode grown = sample.deepCopy();
        ((ObjectNode) grown.at("/components/schemas/Contact/properties"))
                .set("phone", OpenApiDocuments.parse("{\"type\": \"string\"}"));
        ((ObjectNode) grown.at("/components/schemas/NewContact"))
                .set("required", OpenApiDocuments.JSON.createArrayNode());
        ((ObjectNode) grown.at("/components/schemas/NewContact/properties/name"))
                .set("type", OpenApiDocuments.parse("[\"string\", \"null\"]"));
        ((ObjectNode) grown.path("paths"))
                .set("/api/v1/accounts", grown.at("/paths/~1api~1v1~1contacts").deepCopy());

        assertThat(OpenApiCompatibility.breaks(sample, grown)).isEmpty();
        assertThat(OpenApiCompatibility.breaks(grown, sample))
                .contains(
                        "removed path /api/v1/accounts",
                        "GET /api/v1/contacts/{id} response 200: removed response field phone",
                        "POST /api/v1/contacts request: newly required request field name",
                        "POST /api/v1/contacts request.name: changed type from [null, string] to [string]");
    }

    private static ArrayNode emptySecurity() {
        return OpenApiDocuments.JSON.createArrayNode();
    }
}
