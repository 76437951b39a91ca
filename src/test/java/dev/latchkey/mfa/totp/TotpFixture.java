package dev.latchkey.mfa.totp;

import java.time.Instant;
import java.util.OptionalLong;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The RFC 6238 arithmetic of {@link Totp} and a way to make a used time step usable again, for the JMH benchmark in
 * bench/ (package dev.latchkey.bench): a public test fixture, so that no bench class lives in a production package.
 */
public final class TotpFixture {

    private final Totp totp = Totp.standard();

    /** The time step that holds {@code instant}. */
    public static long stepAt(Instant instant) {
        return Totp.stepAt(instant);
    }

    /** The code an authenticator app shows for {@code secret} in {@code step}. */
    public String codeAt(byte[] secret, long step) {
        return totp.codeAt(secret, step);
    }

    /** The pure check of three time steps, as {@link Authenticators#verify} runs it. */
    public OptionalLong matchingStep(byte[] secret, String code, Instant now, Long lastUsedStep) {
        return totp.matchingStep(secret, code, now, lastUsedStep);
    }

    /** Puts the user's last used step back to {@code step}, so that later steps' codes are accepted again. */
    public static void lastUsedStep(ApplicationContext context, long userId, long step) {
        context.getBean(JdbcClient.class)
                .sql("update authenticator set last_used_step = ? where user_id = ?")
                .params(step, userId)
                .update();
    }
}
