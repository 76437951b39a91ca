package dev.latchkey.devices;

import dev.latchkey.shared.Purges;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code remembered_browser} rows: only hashes of the cookies' tokens, each bound to a user and a realm. */
@Component
class BrowserStore {

    private static final String COLUMNS =
            "select id, user_id, realm, handle, browser, os, ip, first_used_at, last_used_at, expires_at"
                    + " from remembered_browser";

    private final JdbcClient jdbc;

    BrowserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One remembered browser; {@code browser} and {@code os} are Latchkey's own summary words, never the header. */
    record Row(
            long id,
            long userId,
            String realm,
            String handle,
            String browser,
            String os,
            String ip,
            Instant firstUsedAt,
            Instant lastUsedAt,
            Instant expiresAt) {}

    void insert(
            long userId,
            String realm,
            String tokenHash,
            String handle,
            String browser,
            String os,
            String ip,
            Instant now,
            Instant expiresAt) {
        jdbc.sql("insert into remembered_browser (user_id, realm, token_hash, handle, browser, os, ip, first_used_at,"
                        + " last_used_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        userId,
                        realm,
                        tokenHash,
                        handle,
                        browser,
                        os,
                        ip,
                        Timestamp.from(now),
                        Timestamp.from(now),
                        Timestamp.from(expiresAt))
                .update();
    }

    Optional<Row> findByTokenHash(String tokenHash) {
        return jdbc.sql(COLUMNS + " where token_hash = ?")
                .param(tokenHash)
                .query(BrowserStore::row)
                .optional();
    }

    /** Records a use; false when the row went meanwhile (forgotten, or ended by a trigger). */
    boolean touch(long id, Instant now, String ip) {
        return jdbc.sql("update remembered_browser set last_used_at = ?, ip = ? where id = ?")
                        .params(Timestamp.from(now), ip, id)
                        .update()
                == 1;
    }

    /** The user's unexpired browsers of one realm, most recently used first. */
    List<Row> list(long userId, String realm, Instant now) {
        return jdbc.sql(COLUMNS + " where user_id = ? and realm = ? and expires_at > ? order by last_used_at desc, id")
                .params(userId, realm, Timestamp.from(now))
                .query(BrowserStore::row)
                .list();
    }

    /** The row {@code handle} names, if it is the user's in this realm; answers what was deleted. */
    Optional<Row> delete(long userId, String realm, String handle) {
        Optional<Row> row = jdbc.sql(COLUMNS + " where user_id = ? and realm = ? and handle = ?")
                .params(userId, realm, handle)
                .query(BrowserStore::row)
                .optional();
        // a conditional delete: of simultaneous requests exactly one removes the row
        return row.filter(r -> jdbc.sql("delete from remembered_browser where id = ?")
                        .param(r.id())
                        .update()
                == 1);
    }

    int deleteById(long id) {
        return jdbc.sql("delete from remembered_browser where id = ?").param(id).update();
    }

    int deleteAllOf(long userId) {
        return jdbc.sql("delete from remembered_browser where user_id = ?")
                .param(userId)
                .update();
    }

    int deleteAllOfExcept(long userId, String realm, String keepTokenHash) {
        return jdbc.sql("delete from remembered_browser where user_id = ? and realm = ? and token_hash <> ?")
                .params(userId, realm, keepTokenHash == null ? "" : keepTokenHash)
                .update();
    }

    int deleteRealm(String realm) {
        return jdbc.sql("delete from remembered_browser where realm = ?")
                .param(realm)
                .update();
    }

    int deleteRealmFirstUsedBefore(String realm, Instant cutoff) {
        return jdbc.sql("delete from remembered_browser where realm = ? and first_used_at < ?")
                .params(realm, Timestamp.from(cutoff))
                .update();
    }

    /** The oldest of a user's browsers in a realm beyond the newest {@code keep}. */
    int trim(long userId, String realm, int keep) {
        List<Long> ids = jdbc.sql("select id from remembered_browser where user_id = ? and realm = ?"
                        + " order by last_used_at desc, id desc")
                .params(userId, realm)
                .query(Long.class)
                .list();
        int deleted = 0;
        for (Long id : ids.subList(Math.min(keep, ids.size()), ids.size())) {
            deleted += deleteById(id);
        }
        return deleted;
    }

    int deleteExpiredBefore(Instant cutoff) {
        return Purges.delete(jdbc, "remembered_browser", "id", "expires_at < ?", Timestamp.from(cutoff));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getString("realm"),
                rs.getString("handle"),
                rs.getString("browser"),
                rs.getString("os"),
                rs.getString("ip"),
                rs.getTimestamp("first_used_at").toInstant(),
                rs.getTimestamp("last_used_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant());
    }
}
