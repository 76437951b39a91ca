package dev.latchkey.signin;

import dev.latchkey.mfa.CodeSent;
import dev.latchkey.signin.SignInEvent.PasswordStepFailed;
import dev.latchkey.signin.SignInEvent.SecondFactorFailed;
import dev.latchkey.signin.SignInEvent.SignedIn;
import dev.latchkey.users.UserLocked;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sign-in metrics (F-OPS-2), counted from the same events as the audit log. Tags are the site's slug (or
 * {@code admin}), a result and a factor id: all from fixed sets the server chose, never a username, email or address.
 */
@Component
class SignInMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final Clock clock;
    private MeterRegistry meters;

    SignInMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.meters = registry;
        Gauge.builder("latchkey.sessions.active", this, SignInMetrics::activeSessions)
                .description("Unexpired sessions in the shared session store, on all nodes")
                .register(registry);
    }

    private double activeSessions() {
        return jdbc.sql("select count(*) from spring_session where expiry_time > ?")
                .param(clock.millis())
                .query(Long.class)
                .single();
    }

    @EventListener
    void on(SignInEvent event) {
        if (event instanceof SignedIn e) {
            signIn(e.realm(), "success", e.factor() == null ? "none" : e.factor());
        } else if (event instanceof PasswordStepFailed e) {
            signIn(e.realm(), "failure", "password");
        } else if (event instanceof SecondFactorFailed e) {
            if (e.purpose() == null) {
                signIn(e.realm(), "failure", e.factor());
            }
            count(
                    "latchkey.second.factor.failures",
                    "Wrong, expired or replayed second-factor answers",
                    "site",
                    e.realm(),
                    "factor",
                    e.factor());
        }
    }

    @EventListener
    void on(UserLocked event) {
        count("latchkey.locks", "Accounts locked", "cause", event.actor() == null ? "second-factor-failures" : "admin");
    }

    @EventListener
    void on(CodeSent event) {
        count(
                "latchkey.codes.sent",
                "One-time codes queued for sending",
                "channel",
                event.factor().id());
    }

    private void signIn(String site, String result, String factor) {
        count(
                "latchkey.signins",
                "Sign-in steps by site, result and factor",
                "site",
                site,
                "result",
                result,
                "factor",
                factor);
    }

    private void count(String name, String description, String... tags) {
        if (meters != null) {
            Counter.builder(name)
                    .description(description)
                    .tags(tags)
                    .register(meters)
                    .increment();
        }
    }
}
