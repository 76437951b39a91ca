package dev.latchkey.bench;

import dev.latchkey.mfa.totp.Authenticators;
import dev.latchkey.mfa.totp.TotpFixture;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.codec.binary.Base32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * TOTP verification: the pure RFC 6238 check of three time steps (Totp#matchingStep, reached through the test fixture
 * {@link TotpFixture}), the whole {@link Authenticators#verify} (read the row, decrypt the secret, check, conditional
 * update of the used step) for a right code, and the same for a wrong code (no update).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class TotpBenchmark {

    private final TotpFixture totp = new TotpFixture();
    private final byte[] secret = new byte[20];
    private final AtomicLong step = new AtomicLong();
    private ConfigurableApplicationContext context;
    private Authenticators authenticators;
    private long userId;
    private String rightCode;
    private long currentStep;

    @Setup(Level.Trial)
    public void start() {
        new SecureRandom().nextBytes(secret);
        context = BenchApplication.start("totp");
        authenticators = context.getBean(Authenticators.class);
        Realm acme =
                context.getBean(Sites.class).findBySlug("acme").orElseThrow().realm();
        UserView user =
                context.getBean(Users.class).findByEmail(acme, "bob@acme.test").orElseThrow();
        userId = user.id();
        authenticators.remove(userId);
        String key = authenticators
                .enrolment(userId, "Acme", user.email())
                .orElseThrow()
                .manualKey()
                .replace(" ", "");
        byte[] bytes = new Base32().decode(key);
        long now = TotpFixture.stepAt(Instant.now());
        if (!authenticators.confirm(acme, userId, totp.codeAt(bytes, now))) {
            throw new IllegalStateException("enrolment not confirmed");
        }
        System.arraycopy(bytes, 0, secret, 0, 20);
        step.set(now);
    }

    /** Puts the last used step back before now, so that the current step's code is right again. */
    @Setup(Level.Invocation)
    public void freshStep() {
        currentStep = TotpFixture.stepAt(Instant.now());
        TotpFixture.lastUsedStep(context, userId, currentStep - 5);
        rightCode = totp.codeAt(secret, currentStep);
    }

    @Benchmark
    public Object matchingStepOnly() {
        return totp.matchingStep(secret, rightCode, Instant.now(), null);
    }

    @Benchmark
    public boolean verifyRightCode() {
        if (!authenticators.verify(userId, rightCode)) {
            throw new IllegalStateException("right code refused");
        }
        return true;
    }

    @Benchmark
    public boolean verifyWrongCode() {
        return authenticators.verify(userId, rightCode.equals("000000") ? "000001" : "000000");
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }
}
