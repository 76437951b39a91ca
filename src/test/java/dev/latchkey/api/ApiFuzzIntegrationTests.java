package dev.latchkey.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.ApiClient;
import dev.latchkey.test.ApiClient.Response;
import dev.latchkey.test.ApiContract;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.TestTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fuzz pass over every operation of the committed OpenAPI document (F-API-1, issue 19): with a token that has every
 * scope, each operation gets malformed path parameters, malformed query parameters and malformed, mistyped, deeply
 * nested or oversized bodies. Every answer is a 4xx {@code application/problem+json} (never a 5xx, never HTML), every
 * answer matches the document ({@link ApiClient} checks it), and nothing in the database changed.
 */
@IntegrationTest
class ApiFuzzIntegrationTests {

    private static final List<String> BAD_PATH_VALUES =
            List.of("-1", "0", "99999999999999999999", "abc", "%E2%80%AE", "%20", "x".repeat(300), "1.5");

    private static final List<String> BAD_QUERIES = List.of(
            "limit=-1",
            "limit=abc",
            "limit=100000",
            "cursor=%21%21%21",
            "cursor=" + "A".repeat(500),
            "after=-5",
            "mfa=maybe",
            "strongest=dna",
            "site=" + "s".repeat(300),
            "q=" + "q".repeat(1000));

    private static final List<String> BAD_BODIES = List.of(
            "{",
            "[]",
            "null",
            "\"text\"",
            "{\"name\": 12345, \"email\": [], \"site\": {}, \"required\": \"yes\", \"mode\": 7}",
            "{\"unknownField\": true}",
            "[".repeat(20_000) + "]".repeat(20_000),
            "{\"name\": \"" + "n".repeat(70_000) + "\"}");

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyOperationAnswersMalformedInputWithAProblemAndChangesNothing() throws Exception {
        JsonNode document = JsonMapper.shared().readTree(Files.readString(ApiContract.COMMITTED));
        String token = tokens.issue("fuzz", ApiScope.values());
        ApiClient api = ApiClient.at(port);
        Map<String, Long> before = state();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                JsonNode spec = operation.getValue();
                List<String> paths = concretePaths(path.getKey());
                List<String> bodies = spec.has("requestBody") ? BAD_BODIES : java.util.Collections.singletonList(null);
                if (path.getKey().contains("{") || spec.has("requestBody")) {
                    for (String concrete : paths) {
                        for (String body : bodies) {
                            requests++;
                            check(method, concrete, send(api, method, concrete, token, spec, body), failures);
                        }
                    }
                }
                // the malformed values of the query parameters this operation takes, on an otherwise good request
                if (!path.getKey().contains("{")) {
                    for (String query : BAD_QUERIES) {
                        if (takes(spec, query.substring(0, query.indexOf('=')))) {
                            requests++;
                            String target = path.getKey() + "?" + query;
                            check(method, target, send(api, method, target, token, spec, null), failures);
                        }
                    }
                }
            }
        }
        assertThat(requests).as("requests sent").isGreaterThan(300);
        assertThat(failures).as("answers that were not a 4xx problem").isEmpty();
        assertThat(state()).as("the data after the fuzz pass").isEqualTo(before);
    }

    /**
     * The operation's path with each path parameter in turn replaced by a malformed value (the others by a harmless
     * one); a path without parameters as it is.
     */
    private static List<String> concretePaths(String template) {
        if (!template.contains("{")) {
            return List.of(template);
        }
        List<String> paths = new ArrayList<>();
        for (String bad : BAD_PATH_VALUES) {
            paths.add(template.replaceAll("\\{[^}]+}", bad));
        }
        return paths;
    }

    private static boolean takes(JsonNode operation, String query) {
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asString())
                    && query.equals(parameter.path("name").asString())) {
                return true;
            }
        }
        return false;
    }

    private static Response send(
            ApiClient api, String method, String path, String token, JsonNode operation, String body) {
        if (body == null) {
            return api.send(method, path, token, null, null);
        }
        Iterator<String> types =
                operation.path("requestBody").path("content").propertyNames().iterator();
        String type = types.hasNext() ? types.next() : "application/json";
        return api.send(method, path, token, type, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A 4xx problem. The bulk sync is the one operation that answers a stream of bad lines with {@code 200} and a
     * report; there, nothing may be created or updated.
     */
    private static void check(String method, String path, Response answer, List<String> failures) {
        boolean bulkReport = answer.status() == 200 && path.endsWith("/contacts/bulk");
        if (bulkReport) {
            if (answer.body().path("created").asInt() != 0
                    || answer.body().path("updated").asInt() != 0) {
                failures.add(method + " " + abbreviated(path) + " wrote: " + answer.text());
            }
            return;
        }
        if (answer.status() < 400 || answer.status() >= 500 || !answer.isProblem()) {
            failures.add(method + " " + abbreviated(path) + " -> " + answer.status() + " " + answer.contentType());
        }
    }

    private static String abbreviated(String path) {
        return path.length() <= 120 ? path : path.substring(0, 120) + "…";
    }

    /** What a request could have changed: row counts and the versions and flags a change bumps. */
    private Map<String, Long> state() {
        Map<String, Long> state = new java.util.TreeMap<>();
        for (String table :
                List.of("account", "contract", "contact_person", "app_user", "user_account", "api_token", "site")) {
            state.put(table, count("select count(*) from " + table));
        }
        state.put("account versions", count("select coalesce(sum(version), 0) from account"));
        state.put("contact versions", count("select coalesce(sum(version), 0) from contact_person"));
        state.put("policy versions", count("select coalesce(sum(policy_version), 0) from site"));
        state.put("2fa required", count("select count(*) from app_user where mfa_required"));
        state.put("locked", count("select count(*) from app_user where locked_at is not null"));
        state.put("idempotency keys", count("select count(*) from api_idempotency"));
        return state;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
