package dev.latchkey.users;

import java.lang.reflect.Field;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies Argon2id hashes with Bouncy Castle's {@link Argon2BytesGenerator}, as Spring's encoder does, but keeps the
 * generator's memory (19 MiB at the default cost) per hashing thread instead of allocating it again for every hash.
 *
 * <p>Why: a fresh 19 MiB per sign-in is garbage the collector must copy while hashes are in flight; at the hash ceiling
 * that costs stop-the-world pauses of about 100 ms, which become every request's p99 (docs/performance.md). Bouncy
 * Castle sizes the memory in {@code init} and zeroes it after every hash ({@code reset}), and Argon2 v1.3 overwrites
 * every block in its first pass, so a generator whose parameters are swapped for the next hash's (same memory size and
 * lanes, another salt) computes exactly what a fresh one would. The swap needs the generator's private
 * {@code parameters} field; where that is not possible (another Bouncy Castle), {@link #available()} is false and the
 * caller uses the allocating path. {@code ReusedArgon2MemoryTests} checks it against Spring's encoder.
 */
final class ReusedArgon2Memory {

    private static final Logger log = LoggerFactory.getLogger(ReusedArgon2Memory.class);
    /** Spring's Argon2id format: {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, base64 without padding. */
    static final Pattern ENCODED =
            Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    private static final Field PARAMETERS = parametersField();

    private final int memoryKib;
    private final int parallelism;
    private final ThreadLocal<Argon2BytesGenerator> generators;

    ReusedArgon2Memory(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.parallelism = parallelism;
        this.generators = ThreadLocal.withInitial(() -> {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters(memoryKib, iterations, parallelism, new byte[16]));
            return generator;
        });
    }

    static boolean available() {
        return PARAMETERS != null;
    }

    /**
     * Whether {@code raw} matches {@code encoded}; {@code null} when this hash cannot use the kept memory (another
     * memory size or lane count, an unreadable hash), so the caller verifies it the allocating way.
     */
    Boolean matches(CharSequence raw, String encoded) {
        Matcher m = raw == null || encoded == null || PARAMETERS == null ? null : ENCODED.matcher(encoded);
        if (m == null
                || !m.matches()
                || !m.group(1).equals(Integer.toString(memoryKib))
                || !m.group(3).equals(Integer.toString(parallelism))) {
            return null;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(m.group(4));
            expected = Base64.getDecoder().decode(m.group(5));
        } catch (IllegalArgumentException ex) {
            return null;
        }
        Argon2BytesGenerator generator = generators.get();
        try {
            PARAMETERS.set(generator, parameters(memoryKib, Integer.parseInt(m.group(2)), parallelism, salt));
        } catch (IllegalAccessException | NumberFormatException ex) {
            return null;
        }
        byte[] actual = new byte[expected.length];
        generator.generateBytes(raw.toString().toCharArray(), actual);
        return MessageDigest.isEqual(expected, actual);
    }

    private static Argon2Parameters parameters(int memoryKib, int iterations, int parallelism, byte[] salt) {
        return new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
    }

    private static Field parametersField() {
        try {
            Field field = Argon2BytesGenerator.class.getDeclaredField("parameters");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException ex) {
            log.info("Argon2 memory is allocated per hash: {}", ex.toString());
            return null;
        }
    }
}
