package dev.latchkey.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The code-sending request: on a site whose only factor is an email code, the password POST queues the code's email and
 * redirects to the code page. Each user is used once (the resend throttle would refuse a second code soon after).
 */
final class MailLoad {

    final AtomicInteger errors = new AtomicInteger();
    private final int port;
    private final ConcurrentLinkedQueue<String> users;

    MailLoad(int port, List<String> users) {
        this.port = port;
        this.users = new ConcurrentLinkedQueue<>(users);
    }

    Latencies run(int clients, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        List<Latencies> all = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Latencies mine = new Latencies();
            all.add(mine);
            threads.add(LoadBenchmark.started(() -> {
                try (Client client = new Client(port)) {
                    String user;
                    while (System.nanoTime() < end && (user = users.poll()) != null) {
                        try {
                            client.forgetCookies();
                            Client.Page login = client.get("/sites/mailbench/login");
                            SignInLoad.expect(login, 200, null, "login page");
                            long t0 = System.nanoTime();
                            Client.Page sent = client.post(
                                    "/sites/mailbench/login",
                                    login.body(),
                                    "username",
                                    user,
                                    "password",
                                    BenchData.PASSWORD);
                            long t1 = System.nanoTime();
                            SignInLoad.expect(sent, 302, "/sites/mailbench/login/email", "password with email code");
                            mine.add(t1 - t0);
                        } catch (Exception ex) {
                            errors.incrementAndGet();
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Latencies merged = new Latencies();
        all.forEach(merged::addAll);
        return merged;
    }
}
