package dev.latchkey.mfa;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * F-ADMIN-3: when an admin last deleted a user's 2FA setup, kept until the user has been told at a sign-in. One row per
 * user at most ({@code two_factor_removal}).
 */
@Component
class SetupRemovals {

    private final JdbcClient jdbc;

    SetupRemovals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a removal; the caller holds the user's row lock, so two admins deleting at once cannot both insert. */
    void record(long userId, Instant at) {
        // PostgreSQL's driver cannot bind an Instant; a Timestamp binds on both databases
        int updated = jdbc.sql("update two_factor_removal set removed_at = ? where user_id = ?")
                .params(Timestamp.from(at), userId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into two_factor_removal (user_id, removed_at) values (?, ?)")
                    .params(userId, Timestamp.from(at))
                    .update();
        }
    }

    Optional<Instant> find(long userId) {
        return jdbc.sql("select removed_at from two_factor_removal where user_id = ?")
                .param(userId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /** Clears the removal of {@code at}; true for the one caller whose delete took the row. */
    boolean clear(long userId, Instant at) {
        return jdbc.sql("delete from two_factor_removal where user_id = ? and removed_at = ?")
                        .params(userId, Timestamp.from(at))
                        .update()
                == 1;
    }
}
