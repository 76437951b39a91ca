package dev.latchkey.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the back-office API for integration tests: {@code ApiClient.at(port).post("/api/v1/contacts", token,
 * body, "Idempotency-Key", "k1")}. A body is sent as JSON: a {@link String} as it is (so malformed JSON can be sent),
 * anything else serialised. Extra headers come in name, value pairs. Every test of the API goes through here, so checks
 * that apply to every answer (the OpenAPI contract) can hook in at {@link #send}.
 */
public final class ApiClient {

    /** Every answer's body parsed as JSON ({@code body}, null when empty or not JSON) and as text. */
    public record Response(int status, HttpHeaders headers, JsonNode body, String text) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final int port;

    private ApiClient(int port) {
        this.port = port;
    }

    public static ApiClient at(int port) {
        return new ApiClient(port);
    }

    public Response get(String path, String token, String... headers) {
        return send("GET", path, token, null, null, headers);
    }

    public Response delete(String path, String token, String... headers) {
        return send("DELETE", path, token, null, null, headers);
    }

    public Response post(String path, String token, Object jsonBody, String... headers) {
        return send("POST", path, token, "application/json", json(jsonBody), headers);
    }

    public Response put(String path, String token, Object jsonBody, String... headers) {
        return send("PUT", path, token, "application/json", json(jsonBody), headers);
    }

    public Response patch(String path, String token, Object jsonBody, String... headers) {
        return send("PATCH", path, token, "application/json", json(jsonBody), headers);
    }

    /**
     * Any request: {@code token} null sends no {@code Authorization} header, {@code contentType} and {@code body} null
     * send no body.
     */
    public Response send(String method, String path, String token, String contentType, byte[] body, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name, value pairs");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        boolean accept = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            accept |= headers[i].equalsIgnoreCase("Accept");
        }
        if (!accept) {
            request.header("Accept", "application/json");
        }
        try {
            var response = HTTP.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
            Response answer =
                    new Response(response.statusCode(), response.headers(), parse(response.body()), response.body());
            // every answer of a documented operation must match the committed OpenAPI document (F-API-3)
            if (ApiContract.covers(method, path)) {
                ApiContract.check(method, path, answer.status(), answer.contentType(), answer.text());
            }
            return answer;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Sends {@code head} (request line and headers, lines ending in CRLF, without the blank line) and {@code body} as
     * they are over a plain socket, for what an HTTP client library refuses to send (a malformed URL, a lying
     * {@code Content-Length}); answers the status and the whole answer as text.
     */
    public RawResponse raw(String head, byte[] body) {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write((head + "Host: localhost:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException refusedMidBody) {
                    // the server may answer and close before the whole body is sent
                }
            }
            out.flush();
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            return new RawResponse(status, text);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A raw answer: its status and everything the server sent. */
    public record RawResponse(int status, String text) {}

    /** The JSON of {@code body}: a string as it is, anything else serialised; null for no body. */
    public static byte[] json(Object body) {
        if (body == null) {
            return null;
        }
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
