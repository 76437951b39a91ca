package dev.latchkey.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.test.Browser;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestEnvironment;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** F-OPS-2: health groups and Prometheus metrics on the management port, and nothing personal in a metric. */
@IntegrationTest
class OperationsIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    TestUsers testUsers;

    @Test
    void healthGroupsAnswerOnTheManagementPortOnly() throws Exception {
        assertThat(port).isNotEqualTo(managementPort);
        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\":{\"status\":\"UP\"}", "\"readinessState\":{\"status\":\"UP\"}");
        HttpResponse<String> liveness = get(managementPort, "/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"livenessState\":{\"status\":\"UP\"}");
        assertThat(liveness.headers().firstValue("Set-Cookie"))
                .as("no session on the management port")
                .isEmpty();

        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/prometheus")) {
            assertThat(get(port, path).statusCode())
                    .as("%s on the public port", path)
                    .isEqualTo(404);
        }
        assertThat(get(managementPort, "/sites/acme/login").statusCode())
                .as("no pages on the management port")
                .isEqualTo(404);
        assertThat(get(managementPort, "/actuator/env").statusCode())
                .as("only health and prometheus are exposed")
                .isEqualTo(404);
    }

    /**
     * Readiness is up only once start-up is done. Flyway migrates while the context starts; the bootstrap admin and the
     * demo data are application runners (orders 0 and 1). A runner ordered after them still sees the node refusing
     * traffic, and the node is ready once it returned.
     */
    @Test
    void readinessWaitsForMigrationsAndDemoData() {
        LastRunner.seen.clear();
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(
                        LatchkeyApplication.class, LastRunner.class)
                .initializers(new TestEnvironment())
                .run("--server.port=0")) {
            assertThat(LastRunner.seen).containsExactly(ReadinessState.REFUSING_TRAFFIC.name());
            assertThat(node.getBean(ApplicationAvailability.class).getReadinessState())
                    .isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    @Order(Ordered.LOWEST_PRECEDENCE)
    static class LastRunner implements ApplicationRunner {

        static final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        private final ApplicationAvailability availability;

        LastRunner(ApplicationAvailability availability) {
            this.availability = availability;
        }

        @Override
        public void run(ApplicationArguments args) {
            seen.add(availability.getReadinessState().name());
        }
    }

    @Test
    void signInsCodesAndHashesAreCountedWithoutPersonalDataInAnyTag() throws Exception {
        UserView user = testUsers.portalUser("acme");
        double before =
                sample(scrape(), "latchkey_signins_total", "factor=\"email\"", "result=\"success\"", "site=\"acme\"");
        double wrongBefore =
                sample(scrape(), "latchkey_second_factor_failures_total", "factor=\"email\"", "site=\"acme\"");

        Browser browser = new Browser(port);
        SignInSteps.password(new Browser(port), "acme", user.email(), "a wrong password");
        String next = SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD)
                .location();
        assertThat(next).isEqualTo("/sites/acme/login/email");
        assertThat(SignInSteps.code(browser, "acme", "email", "000000").status())
                .isEqualTo(401);
        SignInSteps.code(browser, "acme", "email", dev.latchkey.test.TestMailServer.awaitCode(user.email(), 1));

        String metrics = scrape();
        assertThat(sample(metrics, "latchkey_signins_total", "factor=\"email\"", "result=\"success\"", "site=\"acme\""))
                .isEqualTo(before + 1);
        assertThat(sample(metrics, "latchkey_second_factor_failures_total", "factor=\"email\"", "site=\"acme\""))
                .isEqualTo(wrongBefore + 1);
        assertThat(sample(
                        metrics,
                        "latchkey_signins_total",
                        "factor=\"password\"",
                        "result=\"failure\"",
                        "site=\"acme\""))
                .isPositive();
        assertThat(sample(metrics, "latchkey_codes_sent_total", "channel=\"email\""))
                .isPositive();
        assertThat(sample(metrics, "latchkey_password_hash_seconds_count")).isPositive();
        assertThat(sample(metrics, "latchkey_password_hash_queued_seconds_count"))
                .isPositive();
        assertThat(metrics)
                .contains(
                        "latchkey_outbox_pending ",
                        "latchkey_outbox_oldest_pending_age_seconds ",
                        "latchkey_sessions_active ");
        assertThat(sample(metrics, "latchkey_sessions_active"))
                .as("this browser's session at least")
                .isPositive();
        awaitDeliveryTimer();

        // F-OPS-2: no username, email or address in any tag of any metric
        Matcher tags = Pattern.compile("\\{([^}]*)}").matcher(scrape());
        while (tags.find()) {
            assertThat(tags.group(1)).doesNotContain("@", user.email(), "127.0.0.1", "0:0:0:0:0:0:0:1", "localhost");
        }
    }

    /** F-OPS-2: a request id for the logs, the proxy's when it is a short token, never an arbitrary string. */
    @Test
    void everyResponseCarriesARequestIdAndOnlyAShortTokenIsTakenOver() throws Exception {
        assertThat(requestId("edge-7f3a.01_b")).isEqualTo("edge-7f3a.01_b");
        for (String refused : List.of("x".repeat(65), "a b", "id\"><script>", "a/b")) {
            assertThat(requestId(refused)).as(refused).matches("[0-9a-f-]{36}");
        }
        String first = get(port, "/sites/acme/login")
                .headers()
                .firstValue("X-Request-Id")
                .orElseThrow();
        String second = get(port, "/sites/acme/login")
                .headers()
                .firstValue("X-Request-Id")
                .orElseThrow();
        assertThat(first).isNotEqualTo(second);
    }

    private String requestId(String sent) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sites/acme/login"))
                                .header("X-Request-Id", sent)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .headers()
                .firstValue("X-Request-Id")
                .orElseThrow();
    }

    private void awaitDeliveryTimer() throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sample(scrape(), "latchkey_delivery_latency_seconds_count", "channel=\"email\"") == 0) {
            assertThat(System.nanoTime()).as("a sent email is timed").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private String scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = get(managementPort, "/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The sum of the samples of {@code name} whose labels contain every one of {@code labels}; 0 when none. */
    static double sample(String exposition, String name, String... labels) {
        return exposition
                .lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
