package dev.latchkey.api.docs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * What a new OpenAPI document breaks of what an older one promised to clients (F-API-3: "broken changes fail"): a
 * removed path, operation, response, media type or response field; a request field, parameter or body that became
 * required; a changed type; an enum value a request may no longer use. Additions (a new path, an optional field, a new
 * response field) break nothing. A small walk over both documents, with {@code $ref}s followed on each side.
 */
final class OpenApiCompatibility {

    private static final int DEEPEST = 32;

    private final JsonNode before;
    private final JsonNode after;
    private final List<String> breaks = new ArrayList<>();
    private final Set<String> compared = new HashSet<>();

    private OpenApiCompatibility(JsonNode before, JsonNode after) {
        this.before = before;
        this.after = after;
    }

    /** One line per break, naming where it is; empty when {@code after} keeps every promise of {@code before}. */
    static List<String> breaks(JsonNode before, JsonNode after) {
        OpenApiCompatibility walk = new OpenApiCompatibility(before, after);
        walk.paths();
        return walk.breaks;
    }

    private void paths() {
        JsonNode oldPaths = before.path("paths");
        JsonNode newPaths = after.path("paths");
        for (String path : oldPaths.propertyNames()) {
            if (!newPaths.has(path)) {
                breaks.add("removed path " + path);
                continue;
            }
            for (String method : OpenApiDocuments.METHODS) {
                JsonNode oldOperation = oldPaths.path(path).path(method);
                if (!oldOperation.isObject()) {
                    continue;
                }
                String name = method.toUpperCase(Locale.ROOT) + " " + path;
                JsonNode newOperation = newPaths.path(path).path(method);
                if (!newOperation.isObject()) {
                    breaks.add("removed operation " + name);
                    continue;
                }
                parameters(name, oldPaths.path(path), oldOperation, newPaths.path(path), newOperation);
                requestBody(name, oldOperation.path("requestBody"), newOperation.path("requestBody"));
                responses(name, oldOperation.path("responses"), newOperation.path("responses"));
            }
        }
    }

    private void parameters(
            String name, JsonNode oldItem, JsonNode oldOperation, JsonNode newItem, JsonNode newOperation) {
        Map<String, JsonNode> oldParameters = parameters(before, oldItem, oldOperation);
        Map<String, JsonNode> newParameters = parameters(after, newItem, newOperation);
        newParameters.forEach((key, parameter) -> {
            JsonNode old = oldParameters.get(key);
            boolean required = parameter.path("required").asBoolean(false);
            if (required && (old == null || !old.path("required").asBoolean(false))) {
                breaks.add(name + ": newly required parameter " + key);
            }
            if (old != null) {
                schema(old.path("schema"), parameter.path("schema"), name + " parameter " + key, true, 0);
            }
        });
    }

    /** The parameters of an operation, those of its path item included, by {@code in:name}. */
    private static Map<String, JsonNode> parameters(JsonNode document, JsonNode item, JsonNode operation) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        for (JsonNode list : List.of(item.path("parameters"), operation.path("parameters"))) {
            for (JsonNode each : list) {
                JsonNode parameter = OpenApiDocuments.resolve(document, each);
                parameters.put(
                        parameter.path("in").asString("") + ":"
                                + parameter.path("name").asString(""),
                        parameter);
            }
        }
        return parameters;
    }

    private void requestBody(String name, JsonNode oldBody, JsonNode newBody) {
        if (newBody.isMissingNode()) {
            return;
        }
        JsonNode oldResolved = OpenApiDocuments.resolve(before, oldBody);
        JsonNode newResolved = OpenApiDocuments.resolve(after, newBody);
        if (newResolved.path("required").asBoolean(false)
                && !oldResolved.path("required").asBoolean(false)) {
            breaks.add(name + ": the request body became required");
        }
        JsonNode newContent = newResolved.path("content");
        for (String type : oldResolved.path("content").propertyNames()) {
            if (!newContent.has(type)) {
                breaks.add(name + ": the request body no longer accepts " + type);
                continue;
            }
            schema(
                    oldResolved.path("content").path(type).path("schema"),
                    newContent.path(type).path("schema"),
                    name + " request",
                    true,
                    0);
        }
    }

    private void responses(String name, JsonNode oldResponses, JsonNode newResponses) {
        for (String status : oldResponses.propertyNames()) {
            if (!newResponses.has(status)) {
                breaks.add(name + ": removed response " + status);
                continue;
            }
            JsonNode oldContent =
                    OpenApiDocuments.resolve(before, oldResponses.get(status)).path("content");
            JsonNode newContent =
                    OpenApiDocuments.resolve(after, newResponses.get(status)).path("content");
            for (String type : oldContent.propertyNames()) {
                if (!newContent.has(type)) {
                    breaks.add(name + ": response " + status + " no longer answers " + type);
                    continue;
                }
                schema(
                        oldContent.path(type).path("schema"),
                        newContent.path(type).path("schema"),
                        name + " response " + status,
                        false,
                        0);
            }
        }
    }

    /**
     * Compares one schema of both documents. In a request the new schema may accept more, never less; in a response it
     * may give more, never less or another type.
     */
    private void schema(JsonNode oldSchema, JsonNode newSchema, String where, boolean request, int depth) {
        if (oldSchema.isMissingNode() || newSchema.isMissingNode() || depth > DEEPEST) {
            return;
        }
        String pair = where + "|" + oldSchema.path("$ref").asString("") + "|"
                + newSchema.path("$ref").asString("");
        if (!compared.add(pair)) {
            return;
        }
        JsonNode older = OpenApiDocuments.resolve(before, oldSchema);
        JsonNode newer = OpenApiDocuments.resolve(after, newSchema);
        Set<String> oldTypes = types(older);
        Set<String> newTypes = types(newer);
        if (!oldTypes.isEmpty() && !newTypes.isEmpty()) {
            boolean narrower = request ? !newTypes.containsAll(oldTypes) : !oldTypes.containsAll(newTypes);
            if (narrower) {
                breaks.add(where + ": changed type from " + oldTypes + " to " + newTypes);
                return;
            }
        }
        if (request && older.has("enum") && newer.has("enum")) {
            Set<String> dropped = values(older.get("enum"));
            dropped.removeAll(values(newer.get("enum")));
            if (!dropped.isEmpty()) {
                breaks.add(where + ": no longer accepts " + dropped);
            }
        }
        Set<String> oldRequired = values(older.path("required"));
        Set<String> newRequired = values(newer.path("required"));
        JsonNode oldProperties = older.path("properties");
        JsonNode newProperties = newer.path("properties");
        if (request) {
            for (String field : newRequired) {
                if (!oldRequired.contains(field)) {
                    breaks.add(where + ": newly required request field " + field);
                }
            }
        } else {
            for (String field : oldProperties.propertyNames()) {
                if (!newProperties.has(field)) {
                    breaks.add(where + ": removed response field " + field);
                } else if (oldRequired.contains(field) && !newRequired.contains(field)) {
                    breaks.add(where + ": response field " + field + " may now be missing");
                }
            }
        }
        for (String field : oldProperties.propertyNames()) {
            if (newProperties.has(field)) {
                schema(oldProperties.get(field), newProperties.get(field), where + "." + field, request, depth + 1);
            }
        }
        schema(older.path("items"), newer.path("items"), where + "[]", request, depth + 1);
    }

    /** {@code type} as a set: OpenAPI 3.1 allows one name or a list ({@code ["string", "null"]}). */
    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            return values(type);
        }
        return type.isString() ? new TreeSet<>(Set.of(type.asString())) : new TreeSet<>();
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
