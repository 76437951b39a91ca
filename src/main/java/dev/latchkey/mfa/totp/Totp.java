package dev.latchkey.mfa.totp;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based codes, computed by java-otp. Explicit inputs only: the secret, the code, the instant, and the
 * last time step already used; no clock, no state.
 */
final class Totp {

    static final Duration STEP = Duration.ofSeconds(30);
    /** Steps accepted either side of now, for phones whose clock is a little off. */
    static final int DRIFT = 1;

    private final String algorithm;
    private final int digits;

    Totp(String algorithm, int digits) {
        this.algorithm = algorithm;
        this.digits = digits;
    }

    /** What authenticator apps use: HMAC-SHA1, 6 digits, 30 s. */
    static Totp standard() {
        return new Totp(TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1, 6);
    }

    static long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP.toSeconds());
    }

    /** The code of one time step (for a step used as a counter, the RFC 4226 HOTP value). */
    String codeAt(byte[] secret, long step) {
        // a fresh generator per call: java-otp generators hold a Mac, which is not thread-safe
        var generator = new TimeBasedOneTimePasswordGenerator(STEP, digits, algorithm);
        try {
            return generator.generateOneTimePasswordString(
                    new SecretKeySpec(secret, algorithm), Instant.ofEpochSecond(step * STEP.toSeconds()), Locale.ROOT);
        } catch (InvalidKeyException ex) {
            throw new IllegalStateException("TOTP secret rejected", ex);
        }
    }

    /**
     * The time step whose code equals {@code code}, among now and {@link #DRIFT} steps either side, and only after
     * {@code lastUsedStep}: a step already used, or older than it, never matches again.
     */
    OptionalLong matchingStep(byte[] secret, String code, Instant now, Long lastUsedStep) {
        long current = stepAt(now);
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        OptionalLong match = OptionalLong.empty();
        for (long step = current - DRIFT; step <= current + DRIFT; step++) {
            boolean fresh = lastUsedStep == null || step > lastUsedStep;
            boolean equal = MessageDigest.isEqual(given, codeAt(secret, step).getBytes(StandardCharsets.US_ASCII));
            if (fresh && equal && match.isEmpty()) {
                match = OptionalLong.of(step);
            }
        }
        return match;
    }
}
