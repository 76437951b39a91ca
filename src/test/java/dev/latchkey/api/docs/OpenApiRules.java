package dev.latchkey.api.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * What every operation of the API's OpenAPI document must carry (F-API-3): a summary, a tag, the {@code bearerAuth}
 * security (its own or the document's), an example on its success response and, when it takes one, on its request body.
 * Examples are the media type's {@code example} or {@code examples}, where springdoc puts {@code @ExampleObject}s.
 */
final class OpenApiRules {

    static final String BEARER = "bearerAuth";

    private OpenApiRules() {}

    /** One line per rule an operation breaks, naming the operation; empty when every operation keeps them all. */
    static List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        JsonNode scheme = document.path("components").path("securitySchemes").path(BEARER);
        if (!"http".equals(scheme.path("type").asString(""))
                || !"bearer".equalsIgnoreCase(scheme.path("scheme").asString(""))) {
            problems.add("components.securitySchemes." + BEARER + " is not an HTTP bearer scheme");
        }
        JsonNode paths = document.path("paths");
        for (String path : paths.propertyNames()) {
            for (String method : OpenApiDocuments.METHODS) {
                JsonNode operation = paths.path(path).path(method);
                if (operation.isObject()) {
                    operation(document, method.toUpperCase(Locale.ROOT) + " " + path, operation, problems);
                }
            }
        }
        return problems;
    }

    private static void operation(JsonNode document, String name, JsonNode operation, List<String> problems) {
        if (operation.path("summary").asString("").isBlank()) {
            problems.add(name + ": no summary");
        }
        if (operation.path("tags").isEmpty()) {
            problems.add(name + ": no tag");
        }
        JsonNode security = operation.has("security") ? operation.get("security") : document.path("security");
        boolean bearer = false;
        for (JsonNode requirement : security) {
            bearer |= requirement.has(BEARER);
        }
        if (!bearer) {
            problems.add(name + ": not secured by " + BEARER);
        }
        if (operation.has("requestBody")) {
            JsonNode body = OpenApiDocuments.resolve(document, operation.get("requestBody"));
            examples(body.path("content"), name + ": request body", problems);
        }
        String success = null;
        for (String status : operation.path("responses").propertyNames()) {
            if (status.startsWith("2") && (success == null || status.compareTo(success) < 0)) {
                success = status;
            }
        }
        if (success == null) {
            problems.add(name + ": no success (2xx) response");
            return;
        }
        JsonNode response =
                OpenApiDocuments.resolve(document, operation.path("responses").path(success));
        examples(response.path("content"), name + ": response " + success, problems);
    }

    /** Every media type of {@code content} has an example (a response without content, e.g. 204, has none to give). */
    private static void examples(JsonNode content, String what, List<String> problems) {
        for (String type : content.propertyNames()) {
            JsonNode media = content.get(type);
            boolean example = media.has("example") || !media.path("examples").isEmpty();
            if (!example) {
                problems.add(what + " (" + type + "): no example");
            }
        }
    }
}
