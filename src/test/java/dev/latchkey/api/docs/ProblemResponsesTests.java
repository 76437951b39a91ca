package dev.latchkey.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.ApiContract;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@link ProblemResponses} on a small model, written the way springdoc writes OpenAPI 3.1. */
class ProblemResponsesTests {

    @TempDir
    Path folder;

    @Test
    void everyOperationGetsTheProblemsItCanAnswerAndKeepsItsOwn() throws IOException {
        OpenAPI model = new OpenAPI()
                .components(new Components())
                .paths(new Paths()
                        .addPathItem(
                                "/api/v1/things/{id}",
                                new PathItem()
                                        .get(new Operation()
                                                .responses(new ApiResponses()
                                                        .addApiResponse("200", new ApiResponse().description("ok"))))
                                        .put(new Operation()
                                                .addParametersItem(new Parameter()
                                                        .in("path")
                                                        .name("id"))
                                                .addParametersItem(new Parameter()
                                                        .in("header")
                                                        .name("If-Match"))
                                                .requestBody(new RequestBody())
                                                .responses(new ApiResponses()
                                                        .addApiResponse("200", new ApiResponse().description("ok"))
                                                        .addApiResponse(
                                                                "403", new ApiResponse().description("own"))))));
        new ProblemResponses().customise(model);
        String written = Json31.pretty(model);
        JsonNode document = OpenApiDocuments.parse(written);

        assertThat(document.at("/paths/~1api~1v1~1things~1{id}/get/responses").propertyNames())
                .containsExactlyInAnyOrder("200", "400", "401", "403", "429");
        assertThat(document.at("/paths/~1api~1v1~1things~1{id}/put/responses").propertyNames())
                .containsExactlyInAnyOrder("200", "400", "401", "403", "404", "409", "412", "413", "415", "429");
        assertThat(document.at("/paths/~1api~1v1~1things~1{id}/put/responses/403/description")
                        .asString())
                .isEqualTo("own");
        assertThat(document.at("/components/schemas/Problem/type").toString()).isIn("\"object\"", "[\"object\"]");

        Path file = folder.resolve("openapi.json");
        Files.writeString(file, written);
        ApiContract contract = ApiContract.of(file);
        assertThat(contract.problems("GET", "/api/v1/things/1", 401, "application/problem+json", """
                        {"type": "about:blank", "title": "Unauthorized", "status": 401, "detail": "No token",
                         "instance": "/api/v1/things/1"}"""))
                .isEmpty();
        assertThat(contract.problems("PUT", "/api/v1/things/1", 400, "application/problem+json", """
                        {"title": "Bad Request", "status": 400, "errors": [{"field": "name", "message": "empty"}]}"""))
                .isEmpty();
        assertThat(contract.problems("PUT", "/api/v1/things/1", 400, "application/problem+json", """
                        {"title": "Bad Request", "errors": [{"field": 1}]}"""))
                .hasSize(2);
        assertThat(contract.problems("GET", "/api/v1/things/1", 500, "application/problem+json", "{}"))
                .singleElement()
                .asString()
                .contains("the status 500 is not documented");
    }
}
