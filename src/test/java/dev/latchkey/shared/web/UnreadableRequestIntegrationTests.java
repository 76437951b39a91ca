package dev.latchkey.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request whose body or query cannot be parsed, sent anonymously over real HTTP, is a clear 4xx page, creates no
 * session and is logged in exactly one line: never a 5xx, never a stack trace.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class UnreadableRequestIntegrationTests {

    private static final String REFUSED = "Refused a request that cannot be parsed";
    private static final String BAD_REQUEST = "The request was not understood. Check what you entered and try again.";
    private static final int OVER_TWO_MEGABYTES = 2 * 1024 * 1024 + 1;

    @LocalServerPort
    int port;

    @BeforeEach
    void warmUp() {
        // whatever a first request of the run logs (the dispatcher servlet starting) happens before the counting
        assertThat(new Browser(port).get("/sites/acme/login").status()).isEqualTo(200);
    }

    static Stream<Arguments> unreadableBodies() {
        return Stream.of(
                arguments(
                        "an 11-byte malformed multipart body",
                        "multipart/form-data; boundary=x",
                        ascii("--x\r\nabcd\r\n"),
                        400),
                arguments("a multipart body without a boundary", "multipart/form-data", ascii("--x\r\nabcd\r\n"), 400),
                arguments(
                        "a malformed multipart/mixed body",
                        "multipart/mixed; boundary=x",
                        ascii("--x\r\nabcd\r\n"),
                        400),
                arguments(
                        "a multipart file over 2 MB",
                        "multipart/form-data; boundary=x",
                        part("name=\"logo\"; filename=\"logo.png\"", OVER_TWO_MEGABYTES),
                        413),
                arguments(
                        "a multipart field over 2 MB",
                        "multipart/form-data; boundary=x",
                        part("name=\"username\"", OVER_TWO_MEGABYTES),
                        413),
                arguments(
                        "2000 multipart fields",
                        "multipart/form-data; boundary=x",
                        ascii("--x\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n".repeat(2000)
                                + "--x--\r\n"),
                        413),
                arguments(
                        "a form over 2 MB",
                        "application/x-www-form-urlencoded",
                        ascii("username=" + "a".repeat(OVER_TWO_MEGABYTES)),
                        413),
                arguments(
                        "a form with a broken escape",
                        "application/x-www-form-urlencoded",
                        ascii("username=%zz&password=x"),
                        400),
                arguments(
                        "a form that is not UTF-8",
                        "application/x-www-form-urlencoded; charset=UTF-8",
                        ascii("username=%C3%28&password=x"),
                        400),
                arguments(
                        "a form of 20000 fields",
                        "application/x-www-form-urlencoded",
                        ascii("a=b&".repeat(20_000)),
                        400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableBodies")
    void anUnreadableBodyIsA4xxPageLoggedInOneLineWithoutAStackTrace(
            String what, String contentType, byte[] body, int status, CapturedOutput output) {
        int before = output.getAll().length();
        Page page = new Browser(port).postRaw("/sites/acme/login", contentType, body);

        assertThat(page.status()).isEqualTo(status);
        assertThat(page.alerts()).isEqualTo(status == 413 ? "That upload is too big." : BAD_REQUEST);
        assertThat(page.header("Set-Cookie")).as("no session was made").isEmpty();
        assertOneLine(output, before, "POST /sites/acme/login -> " + status);
    }

    @Test
    void theLogLineOfARefusedInvitationLinkLeavesItsTokenOut(CapturedOutput output) {
        String token =
                "Zx3kq0Lr8VbT2nY7uWc5pHs1fJd9gMa4eRi6oBt0KyQ"; // the shape of a real one: 43 base64url characters
        int before = output.getAll().length();
        Page page = new Browser(port)
                .postRaw(
                        "/sites/acme/invitation/" + token, "multipart/form-data; boundary=x", ascii("--x\r\nabcd\r\n"));

        assertThat(page.status()).isEqualTo(400);
        assertOneLine(output, before, "POST /sites/acme/invitation/… -> 400");
        assertThat(output.getAll().substring(before)).doesNotContain(token);
    }

    @Test
    void aBrokenEscapeInTheQueryIsA400PageLoggedInOneLine(CapturedOutput output) throws IOException {
        int before = output.getAll().length();
        // java.net.http refuses to send such an address, a raw socket does not
        String answer = raw("GET /sites/acme/login?lang=%zz HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400 ").contains(BAD_REQUEST).doesNotContain("Exception");
        assertOneLine(output, before, "GET /sites/acme/login -> 400");
    }

    @Test
    void aMalformedRequestLineOrAnOversizedHeaderIsTomcatsOwn400WithoutAStackTrace(CapturedOutput output)
            throws IOException {
        int before = output.getAll().length();
        assertThat(raw("GET /sites/acme/lo gin HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400 ");
        assertThat(raw("GET /sites/acme/login HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + "a".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400 ");

        // Tomcat answers these before the application sees them; it logs nothing now, not even its own one line
        assertThat(newLines(output, before)).isEmpty();
    }

    private static void assertOneLine(CapturedOutput output, int before, String request) {
        List<String> lines = newLines(output, before);
        assertThat(lines).as("log lines of one refused request").hasSize(1);
        assertThat(lines.get(0)).contains(" INFO ").contains(REFUSED).contains(request);
    }

    /** Every line logged since {@code before}, less those of the outbox worker, which runs on its own schedule. */
    private static List<String> newLines(CapturedOutput output, int before) {
        return Arrays.stream(output.getAll().substring(before).split("\\R"))
                .filter(line -> !line.isBlank())
                .filter(line -> !line.contains("OutboxWorker"))
                .toList();
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketException reset) {
                // Tomcat closes after answering, before it read all of an oversized request: the answer came first
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static byte[] part(String disposition, int size) {
        byte[] head = ascii("--x\r\nContent-Disposition: form-data; " + disposition + "\r\n\r\n");
        byte[] tail = ascii("\r\n--x--\r\n");
        byte[] body = new byte[head.length + size + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        Arrays.fill(body, head.length, head.length + size, (byte) 'a');
        System.arraycopy(tail, 0, body, head.length + size, tail.length);
        return body;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
