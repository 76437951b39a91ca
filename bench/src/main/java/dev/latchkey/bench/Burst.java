package dev.latchkey.bench;

import dev.latchkey.bench.BenchData.BenchUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Availability under a burst. N clients from ONE source address each GET the login page (their own session and CSRF
 * token, as an attacker's script would), wait until all have theirs, then POST a wrong password at the same moment.
 * Once all of them are on the wire, one legitimate user signs in from another address the whole way, as
 * {@link SignInLoad} does: GET login, POST the password, GET the code page, POST the authenticator code, GET the portal
 * home; its wall time, first request to the home page, is what that user waits.
 *
 * <p>Two shapes per round: every guess at one account (the per-account limit decides how many are hashed, 5 by default)
 * and each guess at a different account (the per-address limit decides, 20 by default: four times the hashing, the
 * harsher one). Each burst comes from an address of its own (127.2.round.shape) and aims at accounts no earlier burst
 * touched; each legitimate sign-in comes from an address of its own (127.3.round.shape) with a user no other phase
 * signs in, so neither throttle state nor a used time step carries over from one round to the next.
 */
final class Burst {

    static final String[] SHAPES = {"one account", "%d accounts"};

    /** One burst and the legitimate sign-in during it. */
    record Result(
            String shape,
            String from,
            Map<String, Integer> answers,
            Map<String, Integer> retryAfters,
            int withoutRetryAfter,
            Latencies posts,
            long drainedNanos,
            String legitFrom,
            long legitNanos,
            long[] legitSteps,
            int outstanding,
            String legitError,
            long sentNanos,
            double serverCpuSeconds,
            double[] threadSeconds,
            double others) {

        int serverErrors() {
            return answers.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("5"))
                    .mapToInt(Map.Entry::getValue)
                    .sum();
        }

        /** Answers that are neither 401 nor 429: 5xx, other statuses, I/O errors. */
        int unexpected() {
            return answers.entrySet().stream()
                    .filter(e -> !e.getKey().equals("401") && !e.getKey().startsWith("429"))
                    .mapToInt(Map.Entry::getValue)
                    .sum();
        }
    }

    private final int port;
    private final long serverPid;
    private final CpuShare cpu;
    private final List<BenchUser> targets;
    private final List<BenchUser> legitUsers;
    private int nextTarget;
    private int nextLegit;

    /** {@code targets}: accounts the bursts guess at; {@code legitUsers}: one per burst, used by no other phase. */
    Burst(int port, long serverPid, List<BenchUser> targets, List<BenchUser> legitUsers) {
        this.port = port;
        this.serverPid = serverPid;
        this.cpu = new CpuShare(serverPid);
        this.targets = targets;
        this.legitUsers = legitUsers;
    }

    CpuShare cpu() {
        return cpu;
    }

    /** Round {@code round} (0 for a warm-up, at most 255) of shape {@code shape} (an index into {@link #SHAPES}). */
    Result run(int shape, int round, int size) throws InterruptedException {
        String from = "127.2." + round + "." + (shape + 1);
        String legitFrom = "127.3." + round + "." + (shape + 1);
        List<String> usernames = new ArrayList<>();
        String single = shape == 0 ? target() : null;
        for (int i = 0; i < size; i++) {
            usernames.add(shape == 0 ? single : target());
        }
        BenchUser legit = legitUsers.get(nextLegit++);

        Map<String, Integer> answers = new ConcurrentHashMap<>();
        Map<String, Integer> retryAfters = new ConcurrentHashMap<>();
        AtomicInteger withoutRetryAfter = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger posting = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        AtomicLong lastAnswer = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(size);
        CountDownLatch go = new CountDownLatch(1);
        List<Latencies> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (String username : usernames) {
            Latencies mine = new Latencies();
            perClient.add(mine);
            threads.add(LoadBenchmark.started(() -> {
                try (Client client = new Client(port, from)) {
                    Client.Page login;
                    try {
                        login = client.get("/sites/bench/login");
                        SignInLoad.expect(login, 200, null, "login page");
                        posting.incrementAndGet(); // before ready, so the count is whole when the burst is released
                    } catch (Exception ex) {
                        answers.merge("GET login failed: " + ex.getMessage(), 1, Integer::sum);
                        return;
                    } finally {
                        ready.countDown();
                    }
                    boolean[] once = {false};
                    client.afterSend(() -> {
                        if (!once[0]) {
                            once[0] = true;
                            sent.incrementAndGet();
                        }
                    });
                    try {
                        go.await();
                    } catch (InterruptedException ex) {
                        return;
                    }
                    long t0 = System.nanoTime();
                    String answer;
                    try {
                        Client.Page page = client.post(
                                "/sites/bench/login",
                                login.body(),
                                "username",
                                username,
                                "password",
                                "wrong-" + BenchData.PASSWORD);
                        answer = answerOf(page);
                        if (page.status() == 429) {
                            if (page.retryAfter() == null) {
                                withoutRetryAfter.incrementAndGet();
                            } else {
                                retryAfters.merge(page.retryAfter(), 1, Integer::sum);
                            }
                        }
                    } catch (Exception ex) {
                        answer = "I/O error: " + ex.getMessage();
                    }
                    long t1 = System.nanoTime();
                    mine.add(t1 - t0);
                    answers.merge(answer, 1, Integer::sum);
                    answered.incrementAndGet();
                    lastAnswer.accumulateAndGet(t1, Math::max);
                }
            }));
        }
        if (!ready.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the burst's login pages took more than 120 s");
        }
        cpu.begin();
        double[] threads0 = CpuShare.threadSeconds(serverPid);
        long released = System.nanoTime();
        go.countDown();
        // the user comes when the whole burst is on the wire, so every request of theirs is behind it
        long deadline = released + TimeUnit.SECONDS.toNanos(10);
        while (sent.get() < posting.get() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(200_000);
        }
        long sentNanos = System.nanoTime() - released;
        long[] steps = new long[LoadBenchmark.STEPS.length];
        int[] outstanding = {-1};
        String error = null;
        long t0 = System.nanoTime();
        try (Client client = new Client(port, legitFrom)) {
            signIn(client, legit, steps, () -> outstanding[0] = size - answered.get());
        } catch (Exception ex) {
            error = String.valueOf(ex.getMessage());
        }
        long legitNanos = System.nanoTime() - t0;
        for (Thread thread : threads) {
            thread.join();
        }
        cpu.end();
        double[] byThread = CpuShare.threadSeconds(serverPid);
        for (int i = 0; i < byThread.length; i++) {
            byThread[i] -= threads0[i];
        }
        Latencies posts = new Latencies();
        perClient.forEach(posts::addAll);
        String shapeName = String.format(SHAPES[shape], size);
        return new Result(
                shapeName,
                from,
                new TreeMap<>(answers),
                new TreeMap<>(retryAfters),
                withoutRetryAfter.get(),
                posts,
                Math.max(0, lastAnswer.get() - released),
                legitFrom,
                legitNanos,
                steps,
                outstanding[0],
                error,
                sentNanos,
                cpu.serverSeconds,
                byThread,
                cpu.others);
    }

    /** 401, or 429 told apart by its page: the throttle's sign-in form, or the hashing queue's "too busy" page. */
    private static String answerOf(Client.Page page) {
        if (page.status() != 429) {
            return Integer.toString(page.status());
        }
        if (page.body().contains("Too many sign-in attempts")) {
            return "429 throttled";
        }
        return page.body().contains("Too many requests") ? "429 queue full" : "429 other";
    }

    /** The next account no burst has aimed at, from the end of the list (wraps when there are too few users). */
    private String target() {
        BenchUser user = targets.get(Math.floorMod(targets.size() - 1 - nextTarget++, targets.size()));
        return user.email();
    }

    /** The five steps of {@link SignInLoad}; {@code beforePassword} runs just before the password POST is sent. */
    private static void signIn(Client client, BenchUser user, long[] t, Runnable beforePassword) throws Exception {
        long t0 = System.nanoTime();
        Client.Page login = client.get("/sites/bench/login");
        SignInLoad.expect(login, 200, null, "login page");
        long t1 = System.nanoTime();
        beforePassword.run();
        Client.Page password = client.post(
                "/sites/bench/login", login.body(), "username", user.email(), "password", BenchData.PASSWORD);
        SignInLoad.expect(password, 302, "/sites/bench/login/totp", "password");
        long t2 = System.nanoTime();
        Client.Page codePage = client.get("/sites/bench/login/totp");
        SignInLoad.expect(codePage, 200, null, "code page");
        long t3 = System.nanoTime();
        Client.Page code = client.post(
                "/sites/bench/login/totp", codePage.body(), "code", Totp.code(user.totpKey(), Totp.stepNow()));
        SignInLoad.expect(code, 302, "/sites/bench/", "code");
        long t4 = System.nanoTime();
        Client.Page home = client.get("/sites/bench/");
        SignInLoad.expect(home, 200, null, "home");
        long t5 = System.nanoTime();
        t[0] = t1 - t0;
        t[1] = t2 - t1;
        t[2] = t3 - t2;
        t[3] = t4 - t3;
        t[4] = t5 - t4;
    }
}
