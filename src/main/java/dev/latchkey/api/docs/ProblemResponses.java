package dev.latchkey.api.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The errors every operation of the API can answer before or around its handler, documented once here instead of on
 * every handler: bad input ({@code 400}), no valid token ({@code 401}), a missing scope ({@code 403}), the rate limit
 * ({@code 429}), and for an operation with a request body also a body that is too large ({@code 413}) or of another
 * type ({@code 415}); an unknown id ({@code 404}) where the path names one, a conflict ({@code 409}) on every change, a
 * stale {@code If-Match} ({@code 412}) and a reused {@code Idempotency-Key} ({@code 422}) where the operation takes
 * them. Each is {@code application/problem+json} (RFC 9457) with the {@code Problem} schema; a response an operation
 * documents itself is kept. The contract check ({@code ApiContract} in the tests) fails on any status the document does
 * not name, so these must be here.
 */
@Component
class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";

    static final String PROBLEM_JSON = "application/problem+json";

    /** Status, title, and the detail of the example. */
    private static final List<String[]> EVERY_OPERATION = List.of(
            new String[] {"400", "Bad Request", "The request is malformed: a query parameter, a cursor or the JSON."},
            new String[] {"401", "Unauthorized", "No valid API token: send Authorization: Bearer lk_..."},
            new String[] {"403", "Forbidden", "The token lacks the scope this operation needs."},
            new String[] {"429", "Too Many Requests", "The token's rate limit is reached; retry after Retry-After."});

    private static final List<String[]> WITH_A_BODY = List.of(
            new String[] {"413", "Content Too Large", "The request body is larger than this operation accepts."},
            new String[] {"415", "Unsupported Media Type", "The request body is not of a type this operation takes."});

    private static final String[] NOT_FOUND = {"404", "Not Found", "There is no such resource, or not for this token."};

    private static final String[] CONFLICT = {
        "409", "Conflict", "The change conflicts with the resource's state, e.g. it is still in use."
    };

    private static final String[] PRECONDITION_FAILED = {
        "412", "Precondition Failed", "If-Match names an older version: read the resource again and retry."
    };

    private static final String[] KEY_REUSED = {
        "422", "Unprocessable Content", "This Idempotency-Key was used for another request."
    };

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null || openApi.getPaths().isEmpty()) {
            return;
        }
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        for (PathItem item : openApi.getPaths().values()) {
            for (Operation operation : item.readOperations()) {
                if (operation.getResponses() == null) {
                    operation.setResponses(new ApiResponses());
                }
                EVERY_OPERATION.forEach(each -> add(operation.getResponses(), each));
                if (operation.getRequestBody() != null) {
                    WITH_A_BODY.forEach(each -> add(operation.getResponses(), each));
                }
                if (has(operation, "path", null)) {
                    add(operation.getResponses(), NOT_FOUND);
                }
                if (item.getGet() != operation) {
                    add(operation.getResponses(), CONFLICT);
                }
                if (has(operation, "header", "If-Match")) {
                    add(operation.getResponses(), PRECONDITION_FAILED);
                }
                if (has(operation, "header", "Idempotency-Key")) {
                    add(operation.getResponses(), KEY_REUSED);
                }
            }
        }
    }

    /** Whether the operation takes a parameter {@code in} there ({@code path}, {@code header}), of that name if any. */
    private static boolean has(Operation operation, String in, String name) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(each ->
                                in.equals(each.getIn()) && (name == null || name.equalsIgnoreCase(each.getName())));
    }

    private static void add(ApiResponses responses, String[] problem) {
        if (responses.containsKey(problem[0])) {
            return;
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", problem[1]);
        example.put("status", Integer.parseInt(problem[0]));
        example.put("detail", problem[2]);
        MediaType media = new MediaType()
                .schema(new JsonSchema().$ref("#/components/schemas/" + PROBLEM))
                .addExamples(problem[1], new Example().value(example));
        responses.addApiResponse(
                problem[0],
                new ApiResponse().description(problem[1]).content(new Content().addMediaType(PROBLEM_JSON, media)));
    }

    /** RFC 9457 problem details, with {@code errors} (one per field) for bad input. */
    static Schema<?> problemSchema() {
        Schema<?> error = object().addProperty("field", type("string").description("The field, e.g. email"))
                .addProperty("message", type("string").description("What is wrong with it"));
        return object().description("An error, as RFC 9457 problem details")
                .addProperty("type", type("string").description("A URI naming the kind of problem"))
                .addProperty("title", type("string").description("A short summary of the kind of problem"))
                .addProperty("status", type("integer").description("The HTTP status"))
                .addProperty("detail", type("string").description("What went wrong in this request"))
                .addProperty("instance", type("string").description("The request's path"))
                .addProperty("errors", type("array").items(error).description("One message per bad field"))
                .required(List.of("status"));
    }

    private static Schema<?> object() {
        return type("object");
    }

    private static Schema<Object> type(String type) {
        return new JsonSchema().types(Set.of(type));
    }
}
