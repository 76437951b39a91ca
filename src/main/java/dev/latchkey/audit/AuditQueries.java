package dev.latchkey.audit;

import dev.latchkey.shared.Purges;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Filtered reads of {@code audit_event} (pages for the screen, a streamed cursor for the CSV export), and the insert of
 * one event: a plain statement, because every sign-in step writes one and the aggregate machinery of Spring Data JDBC
 * costs more than the insert itself (docs/performance.md).
 */
@Repository
class AuditQueries {

    private static final String COLUMNS = "select occurred_at, type, outcome, realm, user_id, username, factor, actor,"
            + " ip, user_agent, detail from audit_event";

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;

    AuditQueries(NamedParameterJdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        // a template of its own: the fetch size makes PostgreSQL stream rows through a cursor (in a transaction)
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(500);
        this.streaming = new NamedParameterJdbcTemplate(cursor);
    }

    void insert(AuditEvent e) {
        jdbc.getJdbcTemplate()
                .update(
                        "insert into audit_event (occurred_at, type, outcome, realm, user_id, username,"
                                + " factor, actor, ip, user_agent, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        Timestamp.from(e.occurredAt()),
                        e.type(),
                        e.outcome(),
                        e.realm(),
                        e.userId(),
                        e.username(),
                        e.factor(),
                        e.actor(),
                        e.ip(),
                        e.userAgent(),
                        e.detail());
    }

    /**
     * F-OPS-4: deletes the events that happened before {@code cutoff}, of every type alike, in batches; answers how
     * many. Pages and the export read newest first, so removing the oldest rows never shifts a page a reader is on.
     */
    int deleteBefore(Instant cutoff) {
        return Purges.delete(
                JdbcClient.create(jdbc.getJdbcTemplate()),
                "audit_event",
                "id",
                "occurred_at < ?",
                Timestamp.from(cutoff));
    }

    List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = COLUMNS + where(filter, params) + " order by id desc limit :limit offset :offset";
        params.addValue("limit", limit).addValue("offset", offset);
        return jdbc.query(sql, params, (rs, n) -> entry(rs));
    }

    /** Up to {@code limit} events after position {@code afterId}, oldest first, with their positions. */
    List<AuditFeedEntry> after(long afterId, int limit) {
        return jdbc.query(
                "select id, occurred_at, type, outcome, realm, user_id, username, factor, actor, ip, user_agent, detail"
                        + " from audit_event where id > :afterId order by id limit :limit",
                new MapSqlParameterSource("afterId", afterId).addValue("limit", limit),
                (rs, n) -> new AuditFeedEntry(rs.getLong("id"), entry(rs, 1)));
    }

    /** Streams every matching event, newest first, without holding them in memory. */
    void each(AuditFilter filter, Consumer<AuditEntry> consumer) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = COLUMNS + where(filter, params) + " order by id desc";
        streaming.query(sql, params, rs -> {
            consumer.accept(entry(rs));
        });
    }

    /**
     * The user's newest sign-ins and failed sign-in steps, newest first: {@code signin.completed} (with the factor
     * passed, none for a password-only sign-in), failed {@code signin.password} events of a name that was this user's
     * login when it was typed, and failed {@code signin.second-factor} events.
     */
    List<AuditEntry> signIns(long userId, int limit) {
        return jdbc.query(
                COLUMNS + " where user_id = :userId and (type = :completed"
                        + " or (type in (:password, :secondFactor) and outcome = 'failure'))"
                        + " order by occurred_at desc, id desc limit :limit",
                new MapSqlParameterSource("userId", userId)
                        .addValue("completed", AuditEventType.SIGNIN_COMPLETED.code())
                        .addValue("password", AuditEventType.SIGNIN_PASSWORD.code())
                        .addValue("secondFactor", AuditEventType.SIGNIN_SECOND_FACTOR.code())
                        .addValue("limit", limit),
                (rs, n) -> entry(rs));
    }

    private static String where(AuditFilter filter, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        if (filter.realm() != null) {
            conditions.add("realm = :realm");
            params.addValue("realm", filter.realm());
        }
        if (filter.realms() != null) {
            conditions.add(filter.realms().isEmpty() ? "1 = 0" : "realm in (:realms)");
            params.addValue("realms", filter.realms());
        }
        if (filter.type() != null) {
            conditions.add("type = :type");
            params.addValue("type", filter.type());
        }
        if (filter.user() != null) {
            conditions.add("(lower(username) like :user escape '\\' or lower(actor) like :user escape '\\')");
            params.addValue("user", "%" + likeEscaped(filter.user().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.from() != null) {
            conditions.add("occurred_at >= :from");
            params.addValue("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("occurred_at < :to");
            params.addValue("to", Timestamp.from(filter.to()));
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return entry(rs, 0);
    }

    /** The entry whose columns start after {@code skip} others (the feed's id). */
    private static AuditEntry entry(ResultSet rs, int skip) throws SQLException {
        Timestamp at = rs.getTimestamp(skip + 1);
        return new AuditEntry(
                at.toInstant(),
                rs.getString(skip + 2),
                rs.getString(skip + 3),
                rs.getString(skip + 4),
                rs.getObject(skip + 5, Long.class),
                rs.getString(skip + 6),
                rs.getString(skip + 7),
                rs.getString(skip + 8),
                rs.getString(skip + 9),
                rs.getString(skip + 10),
                rs.getString(skip + 11));
    }
}
