package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input: a sign-in form sent as multipart with a field as a file part (which cannot be bound to the form's text)
 * gets the 400 "not understood" page, as before the forms were checked by Bean Validation, never a 500.
 */
@IntegrationTest
class FileFieldsIntegrationTests {

    private static final String BOUNDARY = "----latchkey-test";

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"username", "password"})
    void aFieldSentAsAFileIsRefusedAsBadInput(String field) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "http://localhost:" + port;
        String page = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/sites/acme/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        int at = page.indexOf("name=\"_csrf\" value=\"") + 20;
        String csrf = page.substring(at, page.indexOf('"', at));
        String other = field.equals("username") ? "password" : "username";
        String body = part("_csrf", null, csrf)
                + part(other, null, "alice@acme.test")
                + part(field, "x.txt", "demo-password")
                + "--" + BOUNDARY + "--\r\n";

        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(URI.create(base + "/sites/acme/login"))
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body())
                .contains("The request was not understood")
                .doesNotContain("Exception")
                .doesNotContain("typeMismatch");
    }

    private static String part(String name, String filename, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: text/plain")
                + "\r\n\r\n" + value + "\r\n";
    }
}
