package dev.latchkey.users;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code user_invitation} table. Tokens are looked up by their SHA-256 only. Timestamps are bound as
 * {@link Timestamp}, which both H2 and PostgreSQL's driver accept.
 */
@Component
class InvitationStore {

    private static final String USABLE = "used_at is null and revoked_at is null and expires_at > ?";

    private final JdbcClient jdbc;

    InvitationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(long userId, String tokenHash, Instant createdAt, Instant expiresAt) {
        jdbc.sql("insert into user_invitation (user_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)")
                .params(userId, tokenHash, Timestamp.from(createdAt), Timestamp.from(expiresAt))
                .update();
    }

    /** Ends every invitation of the user that was not used; answers how many. */
    int revokeUnused(long userId, Instant now) {
        return jdbc.sql("update user_invitation set revoked_at = ? where user_id = ? and used_at is null"
                        + " and revoked_at is null")
                .params(Timestamp.from(now), userId)
                .update();
    }

    /** The user of a token that can still be used. */
    Optional<Long> usableBy(String tokenHash, Instant now) {
        return jdbc.sql("select user_id from user_invitation where token_hash = ? and " + USABLE)
                .params(tokenHash, Timestamp.from(now))
                .query(Long.class)
                .optional();
    }

    /** Uses the token up; of concurrent callers exactly one gets true. */
    boolean use(String tokenHash, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("update user_invitation set used_at = ? where token_hash = ? and " + USABLE)
                .params(at, tokenHash, at)
                .update() == 1;
    }
}
