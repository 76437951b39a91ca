package dev.latchkey.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One browser: its own cookies, no redirects followed, the CSRF token pulled from each page, its own source address
 * (Linux routes all of 127.0.0.0/8 to the loopback interface, so each client binds its socket to one of them and the
 * server's per-address throttle sees distinct addresses, as it would see distinct users). It speaks plain HTTP/1.1 over
 * one kept-alive socket (Content-Length, chunked and close-delimited bodies; a request is sent again only when the
 * server had closed the kept-alive connection before answering a byte of it), because it competes with the server for
 * the same cores and the ratio to the hash ceiling counts its CPU against Latchkey: {@code java.net.http} cost about
 * 3–5 ms of CPU per sign-in (0.12–0.16 cores at 35 sign-ins/s), this a fraction of that.
 */
final class Client implements AutoCloseable {

    private static final String CSRF = "name=\"_csrf\" value=\"";

    /** The answer; {@code retryAfter} is the Retry-After header, null when absent. */
    record Page(int status, String location, String retryAfter, String body) {}

    /** Ordinary clients take 127.1.0.1, 127.1.0.2, … in turn; other ranges of 127.0.0.0/8 stay free for a phase. */
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final int port;
    private final String host;
    private final String from;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final byte[] buffer = new byte[8192];
    private Runnable afterSend;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** A client from the next unused address in 127.1.0.0/16. */
    Client(int port) {
        this(port, nextAddress());
    }

    /** A client whose connections come from {@code from}, a loopback address such as 127.2.0.1. */
    Client(int port, String from) {
        this.port = port;
        this.host = "127.0.0.1:" + port;
        this.from = from;
    }

    static String nextAddress() {
        int n = NEXT.getAndIncrement() % (256 * 254);
        return "127.1." + n / 254 + "." + (n % 254 + 1);
    }

    /** Runs {@code hook} each time a request has been written, before its answer is read. */
    void afterSend(Runnable hook) {
        afterSend = hook;
    }

    void forgetCookies() {
        cookies.clear();
    }

    Page get(String path) throws IOException {
        return send("GET", path, null);
    }

    Page post(String path, String csrfFrom, String... fields) throws IOException {
        StringBuilder form = new StringBuilder("_csrf=").append(enc(csrf(csrfFrom)));
        for (int i = 0; i < fields.length; i += 2) {
            form.append('&').append(fields[i]).append('=').append(enc(fields[i + 1]));
        }
        return send("POST", path, form.toString());
    }

    static String csrf(String html) {
        int at = html.indexOf(CSRF);
        int end = at < 0 ? -1 : html.indexOf('"', at + CSRF.length());
        if (end < 0) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return html.substring(at + CSRF.length(), end);
    }

    private Page send(String method, String path, String form) throws IOException {
        StringBuilder head = new StringBuilder(256)
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append("\r\nAccept-Language: en\r\n");
        if (!cookies.isEmpty()) {
            head.append("Cookie: ");
            boolean first = true;
            for (Map.Entry<String, String> cookie : cookies.entrySet()) {
                head.append(first ? "" : "; ")
                        .append(cookie.getKey())
                        .append('=')
                        .append(cookie.getValue());
                first = false;
            }
            head.append("\r\n");
        }
        byte[] body = form == null ? null : form.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
                    .append(body.length)
                    .append("\r\n");
        }
        head.append("\r\n");
        byte[] request = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        boolean reused = socket != null;
        try {
            return exchange(request, body);
        } catch (StaleConnection ex) {
            close();
            if (!reused) {
                throw new IOException("connection closed before the response");
            }
            // the server closed a kept-alive connection between two requests: nothing of this one was answered, so
            // send it once more on a new connection
        } catch (IOException | RuntimeException ex) {
            close();
            throw ex;
        }
        try {
            return exchange(request, body);
        } catch (IOException | RuntimeException ex) {
            close();
            throw ex;
        }
    }

    /** The connection ended before a single byte of the response came back. */
    private static final class StaleConnection extends IOException {
        StaleConnection() {
            super("connection closed before the response");
        }
    }

    private Page exchange(byte[] request, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }
        byte[] all = request;
        if (body != null) {
            all = new byte[request.length + body.length];
            System.arraycopy(request, 0, all, 0, request.length);
            System.arraycopy(body, 0, all, request.length, body.length);
        }
        try {
            out.write(all);
            out.flush();
        } catch (SocketException reset) {
            throw new StaleConnection();
        }
        if (afterSend != null) {
            afterSend.run();
        }
        String statusLine = line();
        if (statusLine == null) {
            throw new StaleConnection();
        }
        int status = status(statusLine);
        while (status >= 100 && status < 200) { // interim answers: skip their headers, the real one follows
            while (!requiredLine().isEmpty()) {
                // headers of the interim answer
            }
            status = status(requiredLine());
        }
        String location = null;
        String retryAfter = null;
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        String header;
        while (!(header = requiredLine()).isEmpty()) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header: " + header);
            }
            String name = header.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "set-cookie" -> cookie(value);
                case "location" -> location = value.replaceFirst("^https?://[^/]+", "");
                case "retry-after" -> retryAfter = value;
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = tokens(value).contains("chunked");
                case "connection" -> close = tokens(value).contains("close");
                default -> {}
            }
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream(chunked ? 8192 : (int) Math.max(length, 0));
        if (chunked) {
            long size;
            while ((size = Long.parseLong(requiredLine().split(";", 2)[0].trim(), 16)) > 0) {
                copy(size, content);
                requiredLine();
            }
            while (!requiredLine().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            copy(length, content);
        } else if (length < 0 && status != 204 && status != 304) {
            // neither a length nor chunks: the body runs until the server closes the connection
            in.transferTo(content);
            close = true;
        }
        if (close) {
            close();
        }
        return new Page(status, location, retryAfter, content.toString(StandardCharsets.UTF_8));
    }

    private static int status(String statusLine) throws IOException {
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("malformed status line: " + statusLine);
        }
        try {
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException ex) {
            throw new IOException("malformed status line: " + statusLine);
        }
    }

    private static List<String> tokens(String value) {
        return Arrays.stream(value.toLowerCase(Locale.ROOT).split(","))
                .map(String::trim)
                .toList();
    }

    private void cookie(String set) {
        int eq = set.indexOf('=');
        if (eq <= 0) {
            return;
        }
        int end = set.indexOf(';');
        String name = set.substring(0, eq);
        String value = set.substring(eq + 1, end < 0 ? set.length() : end);
        if (value.isEmpty() || set.toLowerCase(Locale.ROOT).contains("max-age=0")) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    /** A header line without its CRLF; null at the end of the stream. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                if (line.isEmpty()) {
                    return null;
                }
                throw new IOException("connection closed in a header");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private String requiredLine() throws IOException {
        String line = line();
        if (line == null) {
            throw new IOException("connection closed in a response");
        }
        return line;
    }

    private void copy(long size, ByteArrayOutputStream to) throws IOException {
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("connection closed in a body");
            }
            to.write(buffer, 0, n);
            left -= n;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
