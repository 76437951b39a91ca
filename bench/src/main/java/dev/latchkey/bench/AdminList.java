package dev.latchkey.bench;

import dev.latchkey.bench.BenchData.BenchUser;

/** The admin's Users page: one admin signs in with an authenticator code, then loads the first page K times. */
final class AdminList {

    private AdminList() {}

    static Latencies measure(int port, BenchUser admin, int requests) throws Exception {
        try (Client client = new Client(port)) {
            return measure(client, admin, requests);
        }
    }

    private static Latencies measure(Client client, BenchUser admin, int requests) throws Exception {
        Client.Page login = client.get("/admin/login");
        Client.Page password =
                client.post("/admin/login", login.body(), "username", admin.email(), "password", BenchData.PASSWORD);
        String next = password.location();
        if ("/admin/login/method".equals(next)) {
            next = client.post(next, client.get(next).body(), "factor", "totp").location();
        }
        SignInLoad.expect(password, 302, null, "admin password");
        if (!"/admin/login/totp".equals(next)) {
            throw new IllegalStateException("admin sign-in went to " + next);
        }
        Client.Page code =
                client.post(next, client.get(next).body(), "code", Totp.code(admin.totpKey(), Totp.stepNow()));
        SignInLoad.expect(code, 302, "/admin/", "admin code");
        Latencies latencies = new Latencies();
        for (int i = 0; i < requests + 5; i++) {
            long t0 = System.nanoTime();
            Client.Page users = client.get("/admin/users");
            long t1 = System.nanoTime();
            SignInLoad.expect(users, 200, null, "admin users page");
            if (i >= 5) {
                latencies.add(t1 - t0);
            }
        }
        return latencies;
    }
}
