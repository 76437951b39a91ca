package dev.latchkey.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A minimal browser for HTTP-level tests: its own cookie jar, no automatic redirects, and forms submitted the way a
 * browser would (hidden fields such as the CSRF token included).
 */
public final class Browser {

    private static final String USER_AGENT = "LatchkeyTestBrowser/1.0";

    private final int port;
    private final String base;
    private final CookieManager cookies;
    private final String userAgent;
    private final HttpClient client;

    public Browser(int port) {
        this(port, new CookieManager(null, CookiePolicy.ACCEPT_ALL), USER_AGENT);
    }

    private Browser(int port, CookieManager cookies, String userAgent) {
        this.port = port;
        this.base = "http://localhost:" + port;
        this.cookies = cookies;
        this.userAgent = userAgent;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The same browser (same cookies) talking to another node of the same deployment on {@code port}. */
    public Browser onPort(int port) {
        return new Browser(port, cookies, userAgent);
    }

    /** The same browser (same cookies) sending another {@code User-Agent} header from now on. */
    public Browser withUserAgent(String userAgent) {
        return new Browser(port, cookies, userAgent);
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Follows redirects from a GET until a page answers. */
    public Page open(String path) {
        Page page = get(path);
        for (int i = 0; i < 10 && page.isRedirect(); i++) {
            page = get(page.location());
        }
        return page;
    }

    /** Submits the form matching {@code selector} on {@code page}, with its hidden fields plus {@code fields}. */
    public Page submit(Page page, String selector, Map<String, String> fields) {
        Element form = page.document().selectFirst(selector);
        if (form == null) {
            throw new AssertionError("No form " + selector + " on " + page.path() + ":\n" + page.body());
        }
        Map<String, String> data = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> data.put(input.attr("name"), input.attr("value")));
        data.putAll(fields);
        return post(form.attr("action"), data);
    }

    public Page post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a body exactly as given, with the given {@code Content-Type}: for bodies no browser would send. */
    public Page postRaw(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Posts a multipart form: text fields plus one file, as a browser's file upload does. */
    public Page postFile(
            String path, Map<String, String> fields, String fileField, String filename, String type, byte[] content) {
        String boundary = "----LatchkeyTest" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        StringBuilder text = new StringBuilder();
        fields.forEach((name, value) -> text.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        text.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(fileField)
                .append("\"; filename=\"")
                .append(filename)
                .append("\"\r\n")
                .append("Content-Type: ")
                .append(type)
                .append("\r\n\r\n");
        body.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** GETs raw bytes (an image), with this browser's cookies. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(
                    HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException ex) {
            throw new AssertionError("Request failed: " + ex, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    /** The current value of the session cookie, if any. */
    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("SESSION"))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** The value of this browser's cookie {@code name} set for exactly {@code path}, if any. */
    public Optional<String> cookie(String name, String path) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name) && path.equals(c.getPath()))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** Puts a cookie for {@code path} into this browser's jar, as if this server had set it (a copied cookie). */
    public void setCookie(String name, String value, String path) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath(path);
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base + path), cookie);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            request.timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                    .header("User-Agent", userAgent);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(
                    response.uri().getPath(),
                    response.statusCode(),
                    response.body(),
                    response.headers()
                            .firstValue("Location")
                            .map(this::relative)
                            .orElse(null),
                    response.headers().map());
        } catch (IOException ex) {
            throw new AssertionError("Request failed: " + ex, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private String relative(String location) {
        return location.startsWith(base) ? location.substring(base.length()) : location;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One response. */
    public record Page(
            String path, int status, String body, String location, Map<String, java.util.List<String>> headers) {

        public Document document() {
            return Jsoup.parse(body);
        }

        public boolean isRedirect() {
            return status >= 300 && status < 400 && location != null;
        }

        /** The text of every {@code [role=alert]}, joined. */
        public String alerts() {
            return document().select("[role=alert]").eachText().stream().collect(Collectors.joining(" | "));
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }
    }
}
