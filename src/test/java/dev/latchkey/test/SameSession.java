package dev.latchkey.test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Simultaneous requests of one browser session, as a double click, a retried POST or a prefetch sends them: each on its
 * own connection, all with the same session cookie, and each answer's own new cookie kept apart.
 */
public final class SameSession {

    /** One answer: its status, where it redirects, and the session cookie it set, if it set one. */
    public record Answer(int status, String location, Optional<String> newSession, Optional<String> retryAfter) {}

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static final java.util.concurrent.ExecutorService THREADS =
            java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "same-session");
                thread.setDaemon(true);
                return thread;
            });

    private SameSession() {}

    /** The form {@code selector} of {@code page}: its action, and its hidden fields plus {@code fields}. */
    public static Map.Entry<String, Map<String, String>> form(
            Browser.Page page, String selector, Map<String, String> fields) {
        org.jsoup.nodes.Element form = page.document().selectFirst(selector);
        if (form == null) {
            throw new AssertionError("No form " + selector + " on " + page.path());
        }
        Map<String, String> data = new java.util.LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> data.put(input.attr("name"), input.attr("value")));
        data.putAll(fields);
        return Map.entry(form.attr("action"), data);
    }

    /**
     * POSTs the same form {@code ports.length} times at once, the i-th to {@code ports[i]} (one node or several), all
     * with the session cookie {@code session}.
     */
    public static List<Answer> post(String session, String path, Map<String, String> fields, int... ports) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int port : ports) {
            answers.add(CompletableFuture.supplyAsync(
                    () -> {
                        await(start);
                        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Cookie", "SESSION=" + session)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body)));
                    },
                    THREADS));
        }
        start.countDown();
        return answers.stream().map(CompletableFuture::join).toList();
    }

    /** One prepared POST: its own session, form and node. */
    public record Post(String session, String path, Map<String, String> fields, int port) {}

    /** Sends every prepared POST at once, each with its own session (parallel guesses, each with its own page). */
    public static List<Answer> postEach(List<Post> posts) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (Post post : posts) {
            String body = post.fields().entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            answers.add(CompletableFuture.supplyAsync(
                    () -> {
                        await(start);
                        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + post.port() + post.path()))
                                .header("Cookie", "SESSION=" + post.session())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body)));
                    },
                    THREADS));
        }
        start.countDown();
        return answers.stream().map(CompletableFuture::join).toList();
    }

    /** One GET with the session cookie {@code session}. */
    public static Answer get(int port, String session, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "SESSION=" + session)
                .GET());
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(
                    request.timeout(Duration.ofSeconds(60))
                            .header("Accept", "text/html")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Optional<String> cookie = response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("SESSION="))
                    .map(c -> c.substring("SESSION=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                    .filter(value -> !value.isEmpty())
                    .findFirst();
            String location = response.headers()
                    .firstValue("Location")
                    .map(l -> l.replaceFirst("^https?://[^/]+", ""))
                    .orElse(null);
            return new Answer(
                    response.statusCode(), location, cookie, response.headers().firstValue("Retry-After"));
        } catch (java.io.IOException ex) {
            throw new AssertionError("Request failed: " + ex, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
