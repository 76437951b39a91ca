package dev.latchkey.users;

import dev.latchkey.shared.Purges;
import dev.latchkey.shared.StoredEnum;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code user_invitation} table: the single-use links of {@link Invitations} ({@link Purpose#PASSWORD},
 * {@link Purpose#RESET}) and of {@link EmailConfirmations} ({@link Purpose#EMAIL}). Tokens are looked up by their
 * SHA-256 only, and always with their purpose, so a link of one kind never works as the other. Timestamps are bound as
 * {@link Timestamp}, which both H2 and PostgreSQL's driver accept.
 */
@Component
class InvitationStore {

    /**
     * What a link is for ({@code user_invitation.purpose}), stored by {@link #dbValue()}. Purposes are only ever
     * matched in SQL, never read back, so a row of a purpose this version does not know simply never matches.
     */
    enum Purpose implements StoredEnum {
        /** Choose a password: an invitation or an admin-sent reset (the invitation page). */
        PASSWORD("PASSWORD"),
        /** Choose a new password after "Forgot password?" (the reset page only, F-ACCOUNT-1). */
        RESET("RESET"),
        /** Confirm a pending email address. */
        EMAIL("EMAIL");

        private final String dbValue;

        Purpose(String dbValue) {
            this.dbValue = dbValue;
        }

        @Override
        public String dbValue() {
            return dbValue;
        }
    }

    /** A live link: its user and, for {@link Purpose#EMAIL}, the address it was sent to. */
    record Link(long userId, String email) {}

    private static final String USABLE = "purpose = ? and used_at is null and revoked_at is null and expires_at > ?";

    private final JdbcClient jdbc;

    InvitationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(long userId, Purpose purpose, String email, String tokenHash, Instant createdAt, Instant expiresAt) {
        jdbc.sql("insert into user_invitation (user_id, purpose, email, token_hash, created_at, expires_at, attempts)"
                        + " values (?, ?, ?, ?, ?, ?, 0)")
                .params(
                        userId,
                        purpose.dbValue(),
                        email,
                        tokenHash,
                        Timestamp.from(createdAt),
                        Timestamp.from(expiresAt))
                .update();
    }

    /** Ends every link of this purpose of the user that was not used; answers how many. */
    int revokeUnused(long userId, Purpose purpose, Instant now) {
        return jdbc.sql("update user_invitation set revoked_at = ? where user_id = ? and purpose = ?"
                        + " and used_at is null and revoked_at is null")
                .params(Timestamp.from(now), userId, purpose.dbValue())
                .update();
    }

    /** Ends every unused link of the user that sets a password ({@link Purpose#PASSWORD}, {@link Purpose#RESET}). */
    void revokePasswordLinks(long userId, Instant now) {
        revokeUnused(userId, Purpose.PASSWORD, now);
        revokeUnused(userId, Purpose.RESET, now);
    }

    /** The link of a token that can still be used for this purpose. */
    Optional<Link> usable(String tokenHash, Purpose purpose, Instant now) {
        return jdbc.sql("select user_id, email from user_invitation where token_hash = ? and " + USABLE)
                .params(tokenHash, purpose.dbValue(), Timestamp.from(now))
                .query((rs, row) -> new Link(rs.getLong("user_id"), rs.getString("email")))
                .optional();
    }

    /** Whether the user has a link of this purpose that can still be used. */
    boolean hasUsable(long userId, Purpose purpose, Instant now) {
        return jdbc.sql("select count(*) from user_invitation where user_id = ? and " + USABLE)
                        .params(userId, purpose.dbValue(), Timestamp.from(now))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Takes one of the {@code max} tries a link allows, before the answer typed with it is checked. A conditional
     * update, so concurrent tries never get more than {@code max} checks between them.
     */
    boolean takeAttempt(String tokenHash, Purpose purpose, Instant now, int max) {
        return jdbc.sql("update user_invitation set attempts = attempts + 1 where token_hash = ? and attempts < ? and "
                                + USABLE)
                        .params(tokenHash, max, purpose.dbValue(), Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Ends a link whose tries are all taken, so that it is refused like a used one. */
    void revokeWhenSpent(String tokenHash, Instant now, int max) {
        jdbc.sql("update user_invitation set revoked_at = ? where token_hash = ? and attempts >= ? and used_at is null"
                        + " and revoked_at is null")
                .params(Timestamp.from(now), tokenHash, max)
                .update();
    }

    /**
     * F-OPS-4: deletes the links that expired before {@code cutoff}, in batches; answers how many. A used or revoked
     * link ended before its expiry, so the expiry alone decides, and a link that still works is never touched.
     */
    int deleteExpiredBefore(Instant cutoff) {
        return Purges.delete(jdbc, "user_invitation", "id", "expires_at < ?", Timestamp.from(cutoff));
    }

    /** Uses the token up; of concurrent callers exactly one gets true. */
    boolean use(String tokenHash, Purpose purpose, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("update user_invitation set used_at = ? where token_hash = ? and " + USABLE)
                        .params(at, tokenHash, purpose.dbValue(), at)
                        .update()
                == 1;
    }
}
