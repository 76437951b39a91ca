package dev.latchkey.mfa.passkey;

import dev.latchkey.shared.web.ReadableTime;
import java.time.Instant;

/** One of a user's passkeys as the Security page lists it; {@code lastUsedAt} is null until its first sign-in. */
public record PasskeyView(long id, String name, Instant createdAt, Instant lastUsedAt) {

    public ReadableTime created() {
        return ReadableTime.of(createdAt);
    }

    /** Null until the passkey's first sign-in. */
    public ReadableTime lastUsed() {
        return ReadableTime.of(lastUsedAt);
    }
}
