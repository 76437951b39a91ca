package dev.latchkey.bench;

import dev.latchkey.bench.BenchData.BenchUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * C clients, each signing in again and again for D seconds: GET the login page, POST the password, GET the code page,
 * POST the authenticator code, GET the portal home. Users rotate through one queue, so a user comes back only after all
 * others; a code is computed for the current 30 s step and a user never signs in twice in one step.
 */
final class SignInLoad {

    record Result(
            int clients,
            int signIns,
            double seconds,
            int errors,
            Map<String, Integer> errorKinds,
            int stepWaits,
            Latencies[] steps,
            Latencies overall) {

        double rate() {
            return signIns / seconds;
        }

        String errorSample() {
            return errorKinds.isEmpty() ? "" : " " + errorKinds;
        }
    }

    private final int port;
    private final LinkedBlockingQueue<BenchUser> queue;
    private final Map<BenchUser, Long> lastStep = new ConcurrentHashMap<>();

    SignInLoad(int port, List<BenchUser> users) {
        this.port = port;
        this.queue = new LinkedBlockingQueue<>(users);
    }

    Result run(int clients, Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        AtomicInteger signIns = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger waits = new AtomicInteger();
        Map<String, Integer> kinds = new ConcurrentHashMap<>();
        List<Latencies[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Latencies[] mine = new Latencies[LoadBenchmark.STEPS.length + 1];
            for (int i = 0; i < mine.length; i++) {
                mine[i] = new Latencies();
            }
            perClient.add(mine);
            threads.add(LoadBenchmark.started(() -> {
                try (Client client = new Client(port)) {
                    signInUntil(end, client, mine, signIns, errors, waits, kinds);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (Math.max(end, System.nanoTime()) - start) / 1e9;
        seconds = duration.toNanos() / 1e9;
        Latencies[] steps = new Latencies[LoadBenchmark.STEPS.length];
        Latencies overall = new Latencies();
        for (int s = 0; s < steps.length; s++) {
            steps[s] = new Latencies();
            for (Latencies[] mine : perClient) {
                steps[s].addAll(mine[s]);
            }
        }
        perClient.forEach(mine -> overall.addAll(mine[steps.length]));
        return new Result(clients, signIns.get(), seconds, errors.get(), kinds, waits.get(), steps, overall);
    }

    private void signInUntil(
            long end,
            Client client,
            Latencies[] mine,
            AtomicInteger signIns,
            AtomicInteger errors,
            AtomicInteger waits,
            Map<String, Integer> kinds) {
        long[] t = new long[LoadBenchmark.STEPS.length];
        while (System.nanoTime() < end) {
            BenchUser user;
            try {
                user = queue.take();
            } catch (InterruptedException ex) {
                return;
            }
            try {
                signIn(client, user, t, waits);
                if (System.nanoTime() <= end) {
                    long total = 0;
                    for (int s = 0; s < t.length; s++) {
                        mine[s].add(t[s]);
                        total += t[s];
                    }
                    mine[t.length].add(total);
                    signIns.incrementAndGet();
                }
            } catch (Exception ex) {
                errors.incrementAndGet();
                kinds.merge(String.valueOf(ex.getMessage()), 1, Integer::sum);
            } finally {
                queue.add(user);
            }
        }
    }

    private void signIn(Client client, BenchUser user, long[] t, AtomicInteger waits) throws Exception {
        client.forgetCookies();
        long t0 = System.nanoTime();
        Client.Page login = client.get("/sites/bench/login");
        expect(login, 200, null, "login page");
        long t1 = System.nanoTime();
        Client.Page password = client.post(
                "/sites/bench/login", login.body(), "username", user.email(), "password", BenchData.PASSWORD);
        expect(password, 302, "/sites/bench/login/totp", "password");
        long t2 = System.nanoTime();
        Client.Page codePage = client.get("/sites/bench/login/totp");
        expect(codePage, 200, null, "code page");
        long t3 = System.nanoTime();
        long step = Totp.stepNow();
        Long used = lastStep.get(user);
        while (used != null && used >= step) {
            waits.incrementAndGet();
            Thread.sleep(200);
            step = Totp.stepNow();
        }
        lastStep.put(user, step);
        long t3b = System.nanoTime();
        Client.Page code =
                client.post("/sites/bench/login/totp", codePage.body(), "code", Totp.code(user.totpKey(), step));
        expect(code, 302, "/sites/bench/", "code");
        long t4 = System.nanoTime();
        Client.Page home = client.get("/sites/bench/");
        expect(home, 200, null, "home");
        long t5 = System.nanoTime();
        t[0] = t1 - t0;
        t[1] = t2 - t1;
        t[2] = t3 - t2;
        t[3] = t4 - t3b;
        t[4] = t5 - t4;
    }

    static void expect(Client.Page page, int status, String location, String step) {
        if (page.status() != status || (location != null && !location.equals(page.location()))) {
            throw new IllegalStateException(
                    step + ": " + page.status() + (page.location() == null ? "" : " -> " + page.location()));
        }
    }
}
