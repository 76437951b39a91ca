package dev.latchkey.bench;

import dev.latchkey.test.IndependentTotp;

/** RFC 6238 codes as an authenticator app computes them: the tests' implementation, not the server's. */
final class Totp {

    private Totp() {}

    static long stepNow() {
        return Math.floorDiv(System.currentTimeMillis() / 1000, 30);
    }

    static String code(byte[] key, long step) {
        return IndependentTotp.codeAtStep(key, step);
    }
}
