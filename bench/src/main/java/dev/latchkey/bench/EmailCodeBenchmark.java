package dev.latchkey.bench;

import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.Verification;
import dev.latchkey.mfa.code.EmailCodeFixture;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
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
 * Email-code verification as the code step runs it (OneTimeCodes#verify, reached through the test fixture
 * {@link EmailCodeFixture}): find the login's newest code, HMAC compare, then the conditional update that consumes it.
 * Each invocation verifies a fresh code, sent (and so stored) in an untimed per-invocation set-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class EmailCodeBenchmark {

    private ConfigurableApplicationContext context;
    private EmailCodeFixture codes;
    private FactorSubject subject;
    private String code;

    @Setup(Level.Trial)
    public void start() {
        context = BenchApplication.start("emailcode");
        codes = new EmailCodeFixture(context);
        Realm acme =
                context.getBean(Sites.class).findBySlug("acme").orElseThrow().realm();
        UserView user =
                context.getBean(Users.class).findByEmail(acme, "bob@acme.test").orElseThrow();
        subject = new FactorSubject(
                user.id(),
                user.displayName(),
                user.email(),
                true,
                null,
                acme,
                "x",
                Duration.ofMinutes(5),
                Locale.ENGLISH);
    }

    @Setup(Level.Invocation)
    public void sendCode() {
        subject = new FactorSubject(
                subject.userId(),
                subject.displayName(),
                subject.email(),
                true,
                null,
                subject.realm(),
                UUID.randomUUID().toString(),
                subject.codeTtl(),
                subject.locale());
        code = codes.send(subject);
    }

    @Benchmark
    public Verification verifyRightCode() {
        Verification result = codes.verify(subject, code);
        if (!result.accepted()) {
            throw new IllegalStateException("not accepted: " + result.outcome());
        }
        return result;
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }
}
