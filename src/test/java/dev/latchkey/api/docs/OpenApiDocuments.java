package dev.latchkey.api.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading OpenAPI documents, and writing them the one way the committed copy is written. */
final class OpenApiDocuments {

    static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The HTTP methods an OpenAPI path item may hold, as its keys. */
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiDocuments() {}

    static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    static JsonNode read(Path path) {
        try {
            return parse(Files.readString(path));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The stable text of a document: object keys sorted at every level, two-space indent, a final newline. */
    static String canonical(JsonNode document) {
        return JSON.writeValueAsString(sorted(document)).replace("\r\n", "\n") + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (String name : new TreeSet<>(node.propertyNames())) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }

    /** {@code node} itself, or what its {@code $ref} (a local {@code #/...} pointer) names in {@code document}. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int i = 0;
                i < 10 && current.has("$ref") && current.get("$ref").asString().startsWith("#/");
                i++) {
            current = document.at(current.get("$ref").asString().substring(1));
        }
        return current;
    }
}
