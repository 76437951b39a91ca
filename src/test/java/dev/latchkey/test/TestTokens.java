package dev.latchkey.test;

import dev.latchkey.api.ApiScope;
import dev.latchkey.tokens.ApiTokens;
import dev.latchkey.tokens.IssuedToken;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Makes API tokens through the real {@link ApiTokens} service, each with a fresh name (so per-token limits of one test
 * never leak into another): {@code tokens.issue("sync", ApiScope.READ, ApiScope.CONTACTS_WRITE)} answers the secret.
 */
@Component
public class TestTokens {

    private final ApiTokens tokens;
    private final Clock clock;

    TestTokens(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A token valid for 30 days with {@code scopes}; answers its secret. */
    public String issue(String name, ApiScope... scopes) {
        return issued(name, Duration.ofDays(30), scopes).secret();
    }

    /** A token valid for {@code validity} with {@code scopes}; its id, unique name and secret. */
    public IssuedToken issued(String name, Duration validity, ApiScope... scopes) {
        return tokens.create(
                name + "-" + UUID.randomUUID().toString().substring(0, 8),
                Arrays.stream(scopes).map(ApiScope::tokenScope).collect(Collectors.toSet()),
                clock.instant().plus(validity),
                "test@latchkey.test");
    }
}
