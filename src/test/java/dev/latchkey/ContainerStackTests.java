package dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.PodmanStack;
import dev.latchkey.test.TestMailServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * F-OPS-3: the container image on the compose stack of {@code deploy/compose/stack.sh}: two Latchkey nodes on one
 * PostgreSQL behind HAProxy (round robin, no sticky sessions), all in podman on the host network. Codes go to this
 * JVM's GreenMail. Runs in the Maven profile {@code containers} (on wherever {@code /usr/bin/podman} exists), after
 * {@code package}, because the image is built from the jar.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerStackTests {

    private static final String SLUG = "acme";
    private static final String PASSWORD = "demo-password";
    private static final Pattern CODE = Pattern.compile("(?m)^\\s*(\\d{6})\\s*$");
    private static final int CLIENTS = 4;

    private static PodmanStack stack;

    @BeforeAll
    static void buildAndStart() throws Exception {
        // a claim left by a killed node lapses after 15 s instead of a minute, so the test need not wait as long
        stack = new PodmanStack(
                "latchkey-test", TestMailServer.port(), Map.of("LATCHKEY_DELIVERY_CLAIM_TIMEOUT", "PT15S"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stack.run(2, "down", "--volumes")));
        stack.run(2, "down", "--volumes");
        stack.run(25, "build");
        // the demo data (site acme, alice@acme.test) on the empty database, loaded by node 1 before node 2 starts
        stack.run(10, "up", "--demo");
        createLoadUsers();
    }

    @AfterAll
    static void tearDown() {
        if (stack != null) {
            stack.run(1, "save-logs", "target/container-stack/logs");
            stack.run(2, "down", "--volumes");
        }
    }

    @Test
    @Order(1)
    void passwordOnNode1CodeOnNode2PortalOnNode1() {
        String alice = "alice@acme.test";
        Browser onNode1 = new Browser(stack.node1Port);
        Browser onNode2 = onNode1.onPort(stack.node2Port);

        Page login = onNode1.get("/sites/acme/login");
        assertThat(login.status()).isEqualTo(200);
        String next = onNode1.submit(login, "#login-form", Map.of("username", alice, "password", PASSWORD))
                .location();
        if (next.equals("/sites/acme/login/method")) {
            next = onNode2.submit(onNode2.get(next), "form", Map.of("factor", "email"))
                    .location();
        }
        assertThat(next).isEqualTo("/sites/acme/login/email");
        String code = awaitCode(alice, Duration.ofSeconds(30));
        Page codePage = onNode2.get("/sites/acme/login/email");
        assertThat(codePage.status()).as("the code page on node 2").isEqualTo(200);
        assertThat(onNode2.submit(codePage, "#code-form", Map.of("code", code)).location())
                .isEqualTo("/sites/acme/");

        Page home = onNode1.get("/sites/acme/");
        assertThat(home.status())
                .as("the portal on node 1 with the session node 2 completed")
                .isEqualTo(200);
        assertThat(TestMailServer.messagesTo(alice)).hasSize(1);
    }

    @Test
    @Order(2)
    void aNodeKilledUnderLoadLosesOnlyTheRequestsInFlight() throws Exception {
        Load load = new Load("kill");
        load.start();
        load.awaitCompleted(15);
        load.disrupt(() -> stack.run(1, "kill", "node1"));
        load.awaitCompleted(load.completed.get() + 25); // on node 2 alone
        load.stop();
        load.check();
        stack.run(5, "start", "node1");
    }

    @Test
    @Order(3)
    void aRollingRestartUnderLoadLosesNoSignIn() throws Exception {
        Load load = new Load("rolling");
        load.start();
        load.awaitCompleted(10);
        load.disrupt(() -> stack.run(5, "restart", "node1"));
        load.awaitCompleted(load.completed.get() + 10);
        load.disrupt(() -> stack.run(5, "restart", "node2"));
        load.awaitCompleted(load.completed.get() + 10);
        load.stop();
        load.check();
    }

    /** Copies of Bob (site acme, email confirmed, no phone, same password hash): one per sign-in of the load. */
    private static void createLoadUsers() throws Exception {
        try (Connection db = stack.database();
                PreparedStatement insert = db.prepareStatement("""
                        insert into app_user (site_id, login_key, email, display_name, password_hash, email_confirmed,
                                              phone, mfa_required, admin_role, second_factor_failures, created_at)
                        select site_id, replace(login_key, 'bob@acme.test', p.prefix || n || '@acme.test'),
                               p.prefix || n || '@acme.test', 'Load ' || n, password_hash, email_confirmed, phone,
                               mfa_required, admin_role, 0, created_at
                        from app_user, generate_series(1, 400) n, (values ('kill-'), ('rolling-')) p(prefix)
                        where email = 'bob@acme.test'""")) {
            assertThat(insert.executeUpdate()).isEqualTo(800);
        }
    }

    private static String awaitCode(String recipient, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var messages = TestMailServer.messagesTo(recipient);
            if (!messages.isEmpty()) {
                Matcher code = CODE.matcher(GreenMailUtil.getBody(messages.get(0)));
                if (code.find()) {
                    return code.group(1);
                }
            }
            sleep(100);
        }
        throw new AssertionError("No code to " + recipient + " within " + timeout);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    /** Sign-ins through the load balancer, {@link #CLIENTS} at a time, each by a user of its own. */
    private static final class Load {

        /** One request that got no answer from Latchkey (connection lost, or 5xx from HAProxy). */
        record Failure(String user, String step, long started, long ended, String why) {}

        /** A disruption (kill, stop and start) from the moment its command began to when it returned. */
        record Window(long started, long ended) {}

        private final String prefix;
        private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger completed = new AtomicInteger();
        private final List<Failure> failures = new CopyOnWriteArrayList<>();
        private final List<Window> windows = new CopyOnWriteArrayList<>();
        private final Map<String, Boolean> codeRequested = new ConcurrentHashMap<>();
        private final List<AssertionError> wrong = new CopyOnWriteArrayList<>();
        private volatile boolean running = true;
        private long startedAt;

        Load(String prefix) {
            this.prefix = prefix + "-";
        }

        void start() {
            startedAt = System.nanoTime();
            for (int i = 0; i < CLIENTS; i++) {
                clients.execute(() -> {
                    while (running) {
                        int n = next.incrementAndGet();
                        if (n > 400) {
                            wrong.add(new AssertionError("ran out of load users"));
                            return;
                        }
                        try {
                            signIn(prefix + n + "@acme.test");
                        } catch (AssertionError | RuntimeException ex) {
                            if (!wrong.contains(ex)) {
                                wrong.add(ex instanceof AssertionError a ? a : new AssertionError(ex));
                            }
                            return;
                        }
                    }
                });
            }
        }

        void disrupt(Runnable disruption) {
            long started = System.nanoTime();
            disruption.run();
            windows.add(new Window(started, System.nanoTime()));
        }

        void awaitCompleted(int count) {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (completed.get() + failures.size() < count && System.nanoTime() < deadline && wrong.isEmpty()) {
                sleep(100);
            }
        }

        void stop() throws InterruptedException {
            running = false;
            clients.shutdown();
            assertThat(clients.awaitTermination(3, TimeUnit.MINUTES))
                    .as("sign-ins ended")
                    .isTrue();
        }

        void check() {
            if (!wrong.isEmpty()) {
                throw wrong.get(0);
            }
            int started = next.get() > 400 ? 400 : next.get();
            System.out.printf(
                    "%s load: %d sign-ins completed, %d lost in flight, in %d s%n",
                    prefix,
                    completed.get(),
                    failures.size(),
                    Duration.ofNanos(System.nanoTime() - startedAt).toSeconds());
            failures.forEach(f -> System.out.printf("  lost: %s, step %s: %s%n", f.user(), f.step(), f.why()));
            assertThat(completed.get()).as("sign-ins completed").isGreaterThan(30);
            // lost: only requests that were on their way while a node went away
            for (Failure failure : failures) {
                assertThat(windows)
                        .as(
                                "%s of %s (%s) was in flight during a disruption",
                                failure.step(), failure.user(), failure.why())
                        .anyMatch(w -> failure.started() < w.ended() && failure.ended() > w.started());
            }
            assertThat(failures.size()).as("lost sign-ins").isLessThanOrEqualTo(CLIENTS * windows.size());
            assertThat(completed.get() + failures.size()).isEqualTo(started);

            // every code asked for arrives exactly once; a password step lost in flight sent at most one
            sleep(3000); // a duplicate would be on its way by now
            for (int n = 1; n <= started; n++) {
                String user = prefix + n + "@acme.test";
                int messages = TestMailServer.messagesTo(user).size();
                if (codeRequested.containsKey(user)) {
                    assertThat(messages).as("code emails to %s", user).isEqualTo(1);
                } else {
                    assertThat(messages)
                            .as("code emails to %s (password step lost)", user)
                            .isLessThanOrEqualTo(1);
                }
            }
        }

        private void signIn(String user) {
            Browser browser = new Browser(stack.lbPort);
            Page login = step(user, "login page", () -> browser.get("/sites/acme/login"));
            if (login == null) {
                return;
            }
            Page password = step(
                    user,
                    "password",
                    () -> browser.submit(login, "#login-form", Map.of("username", user, "password", PASSWORD)));
            if (password == null) {
                return;
            }
            expect(user, password.location(), "/sites/acme/login/email");
            codeRequested.put(user, true);
            String code = awaitCode(user, Duration.ofSeconds(60));
            Page codePage = step(user, "code page", () -> browser.get("/sites/acme/login/email"));
            if (codePage == null) {
                return;
            }
            Page done = step(user, "code", () -> browser.submit(codePage, "#code-form", Map.of("code", code)));
            if (done == null) {
                return;
            }
            expect(user, done.location(), "/sites/acme/");
            Page home = step(user, "portal", () -> browser.get("/sites/acme/"));
            if (home == null) {
                return;
            }
            expect(user, Integer.toString(home.status()), "200");
            completed.incrementAndGet();
        }

        /** Sends one request; answers null (and records a failure) when no node answered it. */
        private Page step(String user, String step, java.util.function.Supplier<Page> request) {
            long started = System.nanoTime();
            try {
                Page page = request.get();
                if (page.status() >= 500) {
                    failures.add(new Failure(user, step, started, System.nanoTime(), "HTTP " + page.status()));
                    return null;
                }
                return page;
            } catch (AssertionError requestFailed) {
                failures.add(new Failure(user, step, started, System.nanoTime(), requestFailed.getMessage()));
                return null;
            }
        }

        private void expect(String user, String actual, String expected) {
            if (!expected.equals(actual)) {
                AssertionError error = new AssertionError(user + ": expected " + expected + " but got " + actual);
                wrong.add(error);
                throw error;
            }
        }
    }
}
