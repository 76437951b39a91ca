package dev.latchkey.bench;

import dev.latchkey.mfa.passkey.Passkeys;
import dev.latchkey.mfa.passkey.SoftwareAuthenticator;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.concurrent.TimeUnit;
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
 * F-PASSKEY: the verification step of a passkey sign-in, {@link Passkeys#verify} as the second step calls it: read the
 * JSON, take the challenge (a conditional delete), load the credential and its owner, let Spring Security's webauthn4j
 * operations check origin, RP id, flags and the ES256 signature, and store the new signature count. The challenge and
 * the software authenticator's signature are made outside the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PasskeyBenchmark {

    private static final String ORIGIN = "http://localhost:8080";
    private static final String BINDING = "bench-login";

    private ConfigurableApplicationContext context;
    private Passkeys passkeys;
    private SoftwareAuthenticator key;
    private Realm acme;
    private long userId;
    private String answer;

    @Setup(Level.Trial)
    public void start() {
        context = BenchApplication.start("passkey");
        passkeys = context.getBean(Passkeys.class);
        acme = context.getBean(Sites.class).findBySlug("acme").orElseThrow().realm();
        UserView user =
                context.getBean(Users.class).findByEmail(acme, "bob@acme.test").orElseThrow();
        userId = user.id();
        key = new SoftwareAuthenticator(ORIGIN);
        String options = passkeys.creationOptions(acme, userId, ORIGIN);
        if (passkeys.register(acme, userId, key.register(options, "bench"), ORIGIN)
                != Passkeys.Registration.REGISTERED) {
            throw new IllegalStateException("passkey not registered");
        }
    }

    /** A fresh challenge of this login, signed by the authenticator. */
    @Setup(Level.Invocation)
    public void freshAnswer() {
        answer = key.sign(passkeys.requestOptions(acme, userId, BINDING, ORIGIN));
    }

    @Benchmark
    public Object verify() {
        Passkeys.Assertion assertion = passkeys.verify(acme, userId, BINDING, answer, ORIGIN);
        if (!assertion.verification().accepted()) {
            throw new IllegalStateException("passkey refused: " + assertion.verification());
        }
        return assertion;
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }
}
