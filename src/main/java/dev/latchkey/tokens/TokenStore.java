package dev.latchkey.tokens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code api_token} rows: a hash of each token, never the token. */
@Component
class TokenStore {

    private static final String COLUMNS = "select id, name, scopes, created_at, created_by, expires_at, last_used_at,"
            + " revoked_at, revoked_by from api_token";

    private final JdbcClient jdbc;

    TokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, String tokenHash, Set<TokenScope> scopes, Instant now, String actor, Instant expiresAt) {
        jdbc.sql("insert into api_token (name, token_hash, scopes, created_at, created_by, expires_at, window_start,"
                        + " window_calls) values (?, ?, ?, ?, ?, ?, ?, 0)")
                .params(
                        name,
                        tokenHash,
                        codes(scopes),
                        Timestamp.from(now),
                        actor,
                        Timestamp.from(expiresAt),
                        Timestamp.from(Instant.EPOCH))
                .update();
        return jdbc.sql("select id from api_token where token_hash = ?")
                .param(tokenHash)
                .query(Long.class)
                .single();
    }

    boolean nameTaken(String name) {
        return jdbc.sql("select count(*) from api_token where name = ?")
                        .param(name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<ApiTokenView> findByHash(String tokenHash) {
        return jdbc.sql(COLUMNS + " where token_hash = ?")
                .param(tokenHash)
                .query(TokenStore::row)
                .optional();
    }

    Optional<ApiTokenView> find(long id) {
        return jdbc.sql(COLUMNS + " where id = ?")
                .param(id)
                .query(TokenStore::row)
                .optional();
    }

    List<ApiTokenView> all() {
        return jdbc.sql(COLUMNS + " order by created_at desc, id desc")
                .query(TokenStore::row)
                .list();
    }

    /** Revokes a live token; false when it was revoked already (by this or a simultaneous request). */
    boolean revoke(long id, Instant now, String actor) {
        return jdbc.sql("update api_token set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                        .params(Timestamp.from(now), actor, id)
                        .update()
                == 1;
    }

    /**
     * Counts one call in the window that starts at {@code window} and records the use, in one conditional update: a
     * full window updates nothing. A node whose clock is behind counts into the newer window it finds.
     */
    boolean count(long id, Instant window, Instant now, int limit) {
        Timestamp start = Timestamp.from(window);
        return jdbc.sql("update api_token set"
                                + " window_calls = case when window_start < ? then 1 else window_calls + 1 end,"
                                + " window_start = case when window_start < ? then ? else window_start end,"
                                + " last_used_at = ?"
                                + " where id = ? and revoked_at is null and (window_start < ? or window_calls < ?)")
                        .params(start, start, start, Timestamp.from(now), id, start, limit)
                        .update()
                == 1;
    }

    private static ApiTokenView row(ResultSet rs, int n) throws SQLException {
        return new ApiTokenView(
                rs.getLong("id"),
                rs.getString("name"),
                scopes(rs.getString("scopes")),
                instant(rs.getTimestamp("created_at")),
                rs.getString("created_by"),
                instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")),
                rs.getString("revoked_by"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String codes(Set<TokenScope> scopes) {
        return scopes.stream().sorted().map(TokenScope::code).collect(Collectors.joining(" "));
    }

    /** A code this version does not know (stored by a newer one) grants nothing. */
    private static Set<TokenScope> scopes(String codes) {
        return Arrays.stream(codes.split(" "))
                .map(TokenScope::ofCode)
                .flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }
}
