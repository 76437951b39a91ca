package dev.latchkey.mfa.totp;

import dev.latchkey.shared.StoredEnum;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code authenticator} table. Every state change is one conditional update. */
@Repository
class AuthenticatorStore {

    /**
     * The stored state of an authenticator ({@code authenticator.status}), by {@link #dbValue()}; pages show
     * {@link AuthenticatorStatus}. Every version so far wrote only these. A row with a value this version does not know
     * reads with a null status: neither pending nor enabled nor disabled, so it shows as not set up and no code,
     * confirmation or re-enabling works with it, as before the enum.
     */
    enum State implements StoredEnum {
        /** A secret shown for scanning, not yet confirmed with a code. */
        PENDING("PENDING"),
        ENABLED("ENABLED"),
        DISABLED("DISABLED");

        private final String dbValue;

        State(String dbValue) {
            this.dbValue = dbValue;
        }

        @Override
        public String dbValue() {
            return dbValue;
        }
    }

    /** One row; {@code status} is null for a value this version does not know. */
    record Row(long userId, String secret, State status, Long lastUsedStep) {}

    private final JdbcClient jdbc;

    AuthenticatorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(long userId) {
        return jdbc.sql("select user_id, secret, status, last_used_step from authenticator where user_id = ?")
                .param(userId)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        StoredEnum.fromDb(State.class, rs.getString(3)).orElse(null),
                        (Long) rs.getObject(4, Long.class)))
                .optional();
    }

    void insertPending(long userId, String encryptedSecret, Instant now) {
        jdbc.sql("insert into authenticator (user_id, secret, status, created_at) values (?, ?, ?, ?)")
                .params(userId, encryptedSecret, State.PENDING.dbValue(), Timestamp.from(now))
                .update();
    }

    /** Moves to {@code to} from {@code from}, recording the step used; answers whether this call won. */
    boolean transition(long userId, State from, State to, long step, Instant now) {
        return jdbc.sql("update authenticator set status = ?, last_used_step = ?, enabled_at = ?"
                                + " where user_id = ? and status = ? and (last_used_step is null or"
                                + " last_used_step < ?)")
                        .params(to.dbValue(), step, Timestamp.from(now), userId, from.dbValue(), step)
                        .update()
                == 1;
    }

    /** Records a step as used; of two callers with the same step, exactly one wins. */
    boolean useStep(long userId, long step) {
        return jdbc.sql("update authenticator set last_used_step = ? where user_id = ? and status = ?"
                                + " and (last_used_step is null or last_used_step < ?)")
                        .params(step, userId, State.ENABLED.dbValue(), step)
                        .update()
                == 1;
    }

    boolean setStatus(long userId, State from, State to) {
        return jdbc.sql("update authenticator set status = ? where user_id = ? and status = ?")
                        .params(to.dbValue(), userId, from.dbValue())
                        .update()
                == 1;
    }

    boolean delete(long userId) {
        return jdbc.sql("delete from authenticator where user_id = ?")
                        .param(userId)
                        .update()
                == 1;
    }
}
