package dev.latchkey.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser: its own cookies, no redirects followed, the CSRF token pulled from each page with a regex. Lean on
 * purpose, because it competes with the server for the same cores.
 */
final class Client {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    record Page(int status, String location, String body) {}

    private final HttpClient http;
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    Client(HttpClient http, int port) {
        this.http = http;
        this.base = "http://127.0.0.1:" + port;
    }

    void forgetCookies() {
        cookies.clear();
    }

    Page get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    Page post(String path, String csrfFrom, String... fields) throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder("_csrf=").append(enc(csrf(csrfFrom)));
        for (int i = 0; i < fields.length; i += 2) {
            form.append('&').append(fields[i]).append('=').append(enc(fields[i + 1]));
        }
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build());
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return m.group(1);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((k, v) -> header.append(header.isEmpty() ? "" : "; ").append(k).append('=').append(v));
            builder.header("Cookie", header.toString());
        }
        return builder;
    }

    private Page send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("set-cookie")) {
            int eq = set.indexOf('=');
            int end = set.indexOf(';');
            String value = set.substring(eq + 1, end < 0 ? set.length() : end);
            String name = set.substring(0, eq);
            if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        String location = response.headers().firstValue("location").map(this::path).orElse(null);
        return new Page(response.statusCode(), location, response.body());
    }

    private String path(String location) {
        return location.startsWith(base) ? location.substring(base.length())
                : location.replaceFirst("^https?://[^/]+", "");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
