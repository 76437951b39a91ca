package dev.latchkey.mfa.backup;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code backup_code} table. */
@Repository
class BackupCodeStore {

    record Row(long id, String hash) {}

    private final JdbcClient jdbc;

    BackupCodeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> unused(long userId) {
        return jdbc.sql("select id, code_hash from backup_code where user_id = ? and used_at is null order by id")
                .param(userId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2)))
                .list();
    }

    int countUnused(long userId) {
        return jdbc.sql("select count(*) from backup_code where user_id = ? and used_at is null")
                .param(userId)
                .query(Integer.class)
                .single();
    }

    void deleteAll(long userId) {
        jdbc.sql("delete from backup_code where user_id = ?").param(userId).update();
    }

    void insert(long userId, String hash, Instant now) {
        jdbc.sql("insert into backup_code (user_id, code_hash, created_at) values (?, ?, ?)")
                .params(userId, hash, Timestamp.from(now))
                .update();
    }

    /** Uses a code up; of two concurrent callers exactly one gets true. */
    boolean use(long id, Instant now) {
        return jdbc.sql("update backup_code set used_at = ? where id = ? and used_at is null")
                        .params(Timestamp.from(now), id)
                        .update()
                == 1;
    }
}
