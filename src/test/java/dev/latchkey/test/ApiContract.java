package dev.latchkey.test;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a real response of the API against an OpenAPI 3.1 document, by default the committed {@code docs/openapi.json}
 * (F-API-3): the path must match one of the document's path templates ({@code /api/v1/contacts/{id}} matches
 * {@code /api/v1/contacts/42}; the query is ignored), the method one of its operations, the status one of the
 * operation's responses (or its {@code 4XX}-style range, or {@code default}), the content type one of that response's
 * media types, and a JSON body must be valid against the media type's schema, a JSON Schema 2020-12 with the document's
 * {@code #/components/schemas} at hand. Anything the document does not describe fails.
 */
public final class ApiContract {

    /** The committed document, relative to the project directory (where Maven runs the tests). */
    public static final Path COMMITTED = Path.of("docs", "openapi.json");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Escapes Tomcat refuses in the path part with its own HTML 400: encoded NUL, slash and backslash. */
    private static final List<String> CONTAINER_REFUSES = List.of("%00", "%2F", "%5C");

    private static final String COMPONENT_REF = "#/components/schemas/";

    private static volatile ApiContract committed;

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31());
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private ApiContract(JsonNode document) {
        this.document = document;
    }

    /** The contract of an OpenAPI document on disk. */
    public static ApiContract of(Path document) {
        try {
            return new ApiContract(JSON.readTree(Files.readString(document)));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The contract of the committed {@code docs/openapi.json}, read once. */
    public static ApiContract committed() {
        ApiContract contract = committed;
        if (contract == null) {
            contract = of(COMMITTED);
            committed = contract;
        }
        return contract;
    }

    /** Fails with an {@link AssertionError} naming what the committed document does not allow in this response. */
    public static void check(String method, String path, int status, String contentType, String body) {
        committed().verify(method, path, status, contentType, body);
    }

    /**
     * Whether the committed document describes this operation at all: a caller that also sends requests the API must
     * refuse (an unknown path, a method a path does not take, a test-only resource) checks only those it covers. A path
     * the servlet container refuses with its own 400 page before Latchkey sees it is covered by no document: one with
     * an encoded NUL ({@code %00}), slash ({@code %2F}) or backslash ({@code %5C}) in its path part, in any case (in
     * the query these do reach Latchkey).
     */
    public static boolean covers(String method, String path) {
        return !refusedByContainer(path) && committed().describes(method, path);
    }

    /** Whether the path part of {@code path} holds an escape the servlet container refuses before Latchkey. */
    static boolean refusedByContainer(String path) {
        String bare = (path.contains("?") ? path.substring(0, path.indexOf('?')) : path).toUpperCase(Locale.ROOT);
        return CONTAINER_REFUSES.stream().anyMatch(bare::contains);
    }

    /** Whether this document has an operation for {@code method} on a template matching {@code path}. */
    public boolean describes(String method, String path) {
        String template = template(path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
        return template != null
                && document.path("paths")
                        .path(template)
                        .path(method.toLowerCase(Locale.ROOT))
                        .isObject();
    }

    /** Fails with an {@link AssertionError} naming what this document does not allow in this response. */
    public void verify(String method, String path, int status, String contentType, String body) {
        List<String> problems = problems(method, path, status, contentType, body);
        if (!problems.isEmpty()) {
            throw new AssertionError(method.toUpperCase(Locale.ROOT) + " " + path + " answered " + status
                    + " against the OpenAPI document: " + String.join("; ", problems));
        }
    }

    /** What this document does not allow in this response; empty when the response follows it. */
    public List<String> problems(String method, String path, int status, String contentType, String body) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String template = template(bare);
        if (template == null) {
            return List.of("the path " + bare + " is not in the document");
        }
        JsonNode operation = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        if (!operation.isObject()) {
            return List.of(method.toUpperCase(Locale.ROOT) + " is not documented for " + template);
        }
        JsonNode responses = operation.path("responses");
        JsonNode response = responses.path(String.valueOf(status));
        if (response.isMissingNode()) {
            response = responses.path((status / 100) + "XX");
        }
        if (response.isMissingNode()) {
            response = responses.path("default");
        }
        if (response.isMissingNode()) {
            return List.of("the status " + status + " is not documented for " + method.toUpperCase(Locale.ROOT) + " "
                    + template + " (documented: " + String.join(", ", responses.propertyNames()) + ")");
        }
        response = resolve(response);
        JsonNode content = response.path("content");
        boolean hasBody = body != null && !body.isBlank();
        if (content.isMissingNode() || content.isEmpty()) {
            return hasBody
                    ? List.of("the response " + status + " has no body in the document, but one came")
                    : List.of();
        }
        if (contentType == null || contentType.isBlank()) {
            return List.of("no Content-Type, but the document has " + String.join(", ", content.propertyNames()));
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String documented = mediaType(content, type);
        if (documented == null) {
            return List.of("the content type " + type + " is not documented for " + status + " (documented: "
                    + String.join(", ", content.propertyNames()) + ")");
        }
        JsonNode schema = content.path(documented).path("schema");
        if (!isJson(type) || schema.isMissingNode()) {
            return List.of();
        }
        if (!hasBody) {
            return List.of("an empty body, but the document has a " + documented + " schema");
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (JacksonException ex) {
            return List.of("the body is not JSON: " + ex.getOriginalMessage());
        }
        String key = template + " " + method + " " + status + " " + documented;
        Schema compiled = schemas.computeIfAbsent(key, ignored -> registry.getSchema(standalone(schema)));
        List<String> problems = new ArrayList<>();
        for (Error error : compiled.validate(instance)) {
            problems.add(error.toString());
        }
        return problems;
    }

    /** The path template that matches {@code path}, the one with the most literal segments when several do. */
    private String template(String path) {
        String[] actual = segments(path);
        String best = null;
        int bestLiterals = -1;
        for (String candidate : document.path("paths").propertyNames()) {
            String[] wanted = segments(candidate);
            if (wanted.length != actual.length) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < wanted.length && matches; i++) {
                if (wanted[i].startsWith("{") && wanted[i].endsWith("}")) {
                    matches = !actual[i].isEmpty();
                } else if (wanted[i].equals(actual[i])) {
                    literals++;
                } else {
                    matches = false;
                }
            }
            if (matches && literals > bestLiterals) {
                best = candidate;
                bestLiterals = literals;
            }
        }
        return best;
    }

    private static String[] segments(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return trimmed.split("/", -1);
    }

    /** The documented media type for {@code type}: itself, else {@code type/*}, else {@code *}{@code /*}. */
    private static String mediaType(JsonNode content, String type) {
        if (content.has(type)) {
            return type;
        }
        String range = type.contains("/") ? type.substring(0, type.indexOf('/')) + "/*" : type;
        if (content.has(range)) {
            return range;
        }
        return content.has("*/*") ? "*/*" : null;
    }

    private static boolean isJson(String type) {
        return type.equals("application/json") || type.endsWith("+json");
    }

    /** A response given as {@code $ref} to {@code #/components/responses/...}. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asString();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /**
     * The media type's schema as a schema of its own: the document's component schemas become its {@code $defs}, and
     * every {@code $ref} to {@code #/components/schemas/X} points at {@code #/$defs/X}.
     */
    private ObjectNode standalone(JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.set("allOf", JSON.createArrayNode().add(rewriteRefs(schema.deepCopy())));
        JsonNode components = document.path("components").path("schemas");
        if (components.isObject()) {
            root.set("$defs", rewriteRefs(components.deepCopy()));
        }
        return root;
    }

    private static JsonNode rewriteRefs(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(name);
                if (name.equals("$ref") && value.isString() && value.asString().startsWith(COMPONENT_REF)) {
                    object.put(name, "#/$defs/" + value.asString().substring(COMPONENT_REF.length()));
                } else {
                    rewriteRefs(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(ApiContract::rewriteRefs);
        }
        return node;
    }
}
