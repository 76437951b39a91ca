package dev.latchkey.bench;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.accounts.AccountData;
import dev.latchkey.accounts.AccountKind;
import dev.latchkey.accounts.Accounts;
import dev.latchkey.tokens.ApiTokens;
import dev.latchkey.tokens.TokenScope;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bulk sync benchmark of issue 19 ({@code bench/run.sh bulk}): the whole application with its web server in this
 * JVM, on an H2 file database or a zonky embedded PostgreSQL ({@code --db postgres}); {@code --accounts} accounts
 * (default 3,000) made through the {@code Accounts} service; a token with {@code contacts:write}; then ONE streamed
 * {@code POST /api/v1/contacts/bulk} of {@code --contacts} NDJSON lines (default 100,000, generated while sent, never
 * held whole), timed from the first byte sent to the report read. A second pass sends the same lines with
 * {@code --changed} percent of them changed (default 10): updates and unchanged lines. Prints seconds and the counts of
 * each pass, and the load average before and after (the machine may be shared).
 */
public final class BulkBenchmark {

    private BulkBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("db", "h2");
        options.put("contacts", "100000");
        options.put("accounts", "3000");
        options.put("changed", "10");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help")) {
                System.out.println("options (default):");
                options.forEach((k, v) -> System.out.println("  --" + k + " " + v));
                return;
            }
            options.put(args[i].replaceFirst("^--", ""), args[++i]);
        }
        int contacts = Integer.parseInt(options.get("contacts"));
        int accountCount = Integer.parseInt(options.get("accounts"));
        int changed = Integer.parseInt(options.get("changed"));
        System.out.printf(
                "Latchkey bulk sync benchmark: %d cores, load average %s, options %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), options);

        Path work = Files.createTempDirectory("latchkey-bulk");
        EmbeddedPostgres postgres = null;
        String url;
        String user;
        if (options.get("db").equals("postgres")) {
            postgres = EmbeddedPostgres.builder().start();
            url = postgres.getJdbcUrl("postgres", "postgres");
            user = "postgres";
        } else {
            url = "jdbc:h2:file:" + work.resolve("latchkey")
                    + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64";
            user = "sa";
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(LatchkeyApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties(
                        "server.port=0",
                        "spring.datasource.url=" + url,
                        "spring.datasource.username=" + user,
                        "spring.datasource.password=",
                        "latchkey.demo=true",
                        "management.server.port=0",
                        "latchkey.encryption-key=bench:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                        "logging.level.root=warn")
                .run();
        try {
            int port = Integer.parseInt(app.getBean(Environment.class).getProperty("local.server.port"));
            long seeded = System.nanoTime();
            Accounts accounts = app.getBean(Accounts.class);
            for (int a = 0; a < accountCount; a++) {
                accounts.upsert(
                        "bench-a-" + a,
                        new AccountData("BA-" + a, "Bench account " + a, AccountKind.CUSTOMER, null, List.of()));
            }
            String token = app.getBean(ApiTokens.class)
                    .create(
                            "bulk-bench",
                            Set.of(TokenScope.CONTACTS_WRITE),
                            Instant.now().plus(Duration.ofDays(1)),
                            "bench")
                    .secret();
            System.out.printf(
                    "%d accounts and a token in %.1f s (%s)%n",
                    accountCount, (System.nanoTime() - seeded) / 1e9, options.get("db"));

            pass("first pass (all new)", port, token, contacts, accountCount, -1);
            pass("second pass (" + changed + " % changed)", port, token, contacts, accountCount, changed);
            System.out.printf("load average after: %s%n", loadAverage());
        } finally {
            app.close();
            if (postgres != null) {
                postgres.close();
            }
        }
        System.exit(0);
    }

    private static void pass(String name, int port, String token, int contacts, int accounts, int changedPercent)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/contacts/bulk"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-ndjson")
                .header("Accept", "application/json")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Lines(contacts, accounts, changedPercent)))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(name + ": HTTP " + response.statusCode() + " " + response.body());
        }
        JsonNode report = JsonMapper.builder().build().readTree(response.body());
        System.out.printf(
                "%s: %d lines in %.1f s (%.0f lines/s): created %d, updated %d, unchanged %d, refused %d; load %s%n",
                name,
                contacts,
                seconds,
                contacts / seconds,
                report.get("created").asLong(),
                report.get("updated").asLong(),
                report.get("unchanged").asLong(),
                report.get("refused").asLong(),
                loadAverage());
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    /** The NDJSON body, made a line at a time as the client reads it. */
    private static final class Lines extends InputStream {

        private final int count;
        private final int accounts;
        private final int changedPercent;
        private int next;
        private byte[] line = new byte[0];
        private int position;

        Lines(int count, int accounts, int changedPercent) {
            this.count = count;
            this.accounts = accounts;
            this.changedPercent = changedPercent;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return line[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, line.length - position);
            System.arraycopy(line, position, buffer, offset, n);
            position += n;
            return n;
        }

        private boolean fill() {
            if (position < line.length) {
                return true;
            }
            if (next >= count) {
                return false;
            }
            int i = next++;
            boolean changed = changedPercent > 0 && i % 100 < changedPercent;
            String name = "Contact " + i + (changed ? " (changed)" : "");
            String json = "{\"externalId\":\"bench-c-" + i + "\",\"accountExternalId\":\"bench-a-" + (i % accounts)
                    + "\",\"name\":\"" + name + "\",\"email\":\"c" + i + "@bench.example\",\"phone\":\"+31 6 "
                    + String.format("%08d", i) + "\"}\n";
            line = json.getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }
    }
}
