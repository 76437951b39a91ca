package dev.latchkey.bench;

/**
 * The least a request costs the server here: one client asks, one after the other, for the bench site's
 * {@code brand.css}, a response of a hundred bytes that still passes Tomcat, Spring Security's filter chain, Spring MVC
 * and one site look-up, but no session and no template. The server's CPU per request, times the five requests of a
 * sign-in, is a floor under what a sign-in costs besides its hash, whatever Latchkey's own code does.
 */
final class StackFloor {

    static final String PATH = "/sites/bench/brand.css";

    private StackFloor() {}

    /** Server CPU in milliseconds per request, measured over {@code requests} after as many unmeasured ones. */
    static double msPerRequest(int port, long serverPid, int requests) throws Exception {
        try (Client client = new Client(port)) {
            run(client, requests); // warm-up: the JIT compiles this path while it runs
            CpuShare cpu = new CpuShare(serverPid);
            cpu.begin();
            run(client, requests);
            cpu.end();
            return cpu.serverSeconds * 1000 / requests;
        }
    }

    private static void run(Client client, int requests) throws Exception {
        for (int i = 0; i < requests; i++) {
            SignInLoad.expect(client.get(PATH), 200, null, "brand.css");
        }
    }
}
