package dev.latchkey.mfa.totp;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code authenticator} table. Every state change is one conditional update. */
@Repository
class AuthenticatorStore {

    static final String PENDING = "PENDING";
    static final String ENABLED = "ENABLED";
    static final String DISABLED = "DISABLED";

    record Row(long userId, String secret, String status, Long lastUsedStep) {}

    private final JdbcClient jdbc;

    AuthenticatorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(long userId) {
        return jdbc.sql("select user_id, secret, status, last_used_step from authenticator where user_id = ?")
                .param(userId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        (Long) rs.getObject(4, Long.class)))
                .optional();
    }

    void insertPending(long userId, String encryptedSecret, Instant now) {
        jdbc.sql("insert into authenticator (user_id, secret, status, created_at) values (?, ?, 'PENDING', ?)")
                .params(userId, encryptedSecret, Timestamp.from(now))
                .update();
    }

    /** Moves to {@code to} from {@code from}, recording the step used; answers whether this call won. */
    boolean transition(long userId, String from, String to, long step, Instant now) {
        return jdbc.sql("update authenticator set status = ?, last_used_step = ?, enabled_at = ?"
                        + " where user_id = ? and status = ? and (last_used_step is null or last_used_step < ?)")
                .params(to, step, Timestamp.from(now), userId, from, step)
                .update() == 1;
    }

    /** Records a step as used; of two callers with the same step, exactly one wins. */
    boolean useStep(long userId, long step) {
        return jdbc.sql("update authenticator set last_used_step = ? where user_id = ? and status = 'ENABLED'"
                        + " and (last_used_step is null or last_used_step < ?)")
                .params(step, userId, step)
                .update() == 1;
    }

    boolean setStatus(long userId, String from, String to) {
        return jdbc.sql("update authenticator set status = ? where user_id = ? and status = ?")
                .params(to, userId, from)
                .update() == 1;
    }

    boolean delete(long userId) {
        return jdbc.sql("delete from authenticator where user_id = ?").param(userId).update() == 1;
    }
}
