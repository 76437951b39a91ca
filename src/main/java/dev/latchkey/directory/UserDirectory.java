package dev.latchkey.directory;

import dev.latchkey.users.AdminRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The users directory (F-ADMIN-2, F-API-1): portal users with site, 2FA status and factors, filtered and paged in the
 * database (never all users in memory), by page number for the admin's Users page and by keyset for the API. A read
 * model owned by this module, the only one that reads it: one read-only query joins tables of three modules, which is
 * what keeps a page of 100,000 users one statement. It reads {@code app_user} ({@code users}), {@code site}
 * ({@code sites}), and {@code authenticator}, {@code backup_code} and {@code passkey} ({@code mfa}); none of those
 * modules knows about this query, so it lives above them all, here. "Activated" is {@link FactorSummary#activated()}: a
 * passkey or an enabled authenticator app; the filter and the rows use the same definition.
 */
@Service
public class UserDirectory {

    /** The admin page's page size. */
    public static final int PAGE_SIZE = 50;

    /** The largest {@link #after} slice. */
    public static final int MAX_SLICE = 200;

    private static final String FACTORS = " u.email_confirmed, u.phone, a.status,"
            + " (select count(*) from backup_code b where b.user_id = u.id and b.used_at is null) as backup_left,"
            + " (select count(*) from passkey p where p.user_id = u.id) as passkeys";

    private static final String SELECT = "select u.id, u.email, u.display_name, s.id as site_id, s.slug, s.name,"
            + " u.mfa_required, u.locked_at, u.pending_email," + FACTORS
            + " from app_user u join site s on s.id = u.site_id left join authenticator a on a.user_id = u.id";

    // (not) exists lets the database walk users in id order and stop after one page
    private static final String HAS_AUTHENTICATOR =
            "exists (select 1 from authenticator e where e.user_id = u.id and e.status = 'ENABLED')";

    private static final String HAS_PASSKEY = "exists (select 1 from passkey k where k.user_id = u.id)";

    private static final String ACTIVATED = "(" + HAS_PASSKEY + " or " + HAS_AUTHENTICATOR + ")";

    private static final String HAS_PHONE = "(u.phone is not null and u.phone <> '')";

    /** F-ASSURANCE: the condition "this is the user's strongest factor", by {@link FactorSummary#strongest()}. */
    private static final java.util.Map<String, String> STRONGEST = java.util.Map.of(
            "passkey", HAS_PASSKEY,
            "totp", "not " + HAS_PASSKEY + " and " + HAS_AUTHENTICATOR,
            "sms", "not " + ACTIVATED + " and " + HAS_PHONE,
            "email", "not " + ACTIVATED + " and not " + HAS_PHONE + " and u.email_confirmed = true",
            "none", "not " + ACTIVATED + " and not " + HAS_PHONE + " and u.email_confirmed = false");

    private final NamedParameterJdbcTemplate jdbc;

    UserDirectory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of {@value #PAGE_SIZE} users, oldest account first, so pages stay put while users are added. */
    public DirectoryPage page(DirectoryQuery query, int page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        params.addValue("limit", PAGE_SIZE + 1).addValue("offset", (long) page * PAGE_SIZE);
        List<DirectoryRow> rows = rows(query, List.of(), " limit :limit offset :offset", params);
        boolean more = rows.size() > PAGE_SIZE;
        return new DirectoryPage(more ? rows.subList(0, PAGE_SIZE) : rows, page, more);
    }

    /**
     * Keyset paging for the API: up to {@code limit} users with an id above {@code afterId} (0 for the first), in id
     * order, with the same filters as {@link #page}. Unlike an offset page it neither skips nor repeats a user when
     * users are added or removed between two calls, and reading far into the list costs no more than the start.
     */
    public DirectorySlice after(DirectoryQuery query, long afterId, int limit) {
        if (limit < 1 || limit > MAX_SLICE) {
            throw new IllegalArgumentException("limit out of range");
        }
        MapSqlParameterSource params = new MapSqlParameterSource("afterId", afterId).addValue("limit", limit + 1);
        List<DirectoryRow> rows = rows(query, List.of("u.id > :afterId"), " limit :limit", params);
        boolean more = rows.size() > limit;
        return new DirectorySlice(more ? rows.subList(0, limit) : rows, more);
    }

    /** One portal user (a user of a site) as the list shows them; empty for an admin or an unknown id. */
    public Optional<DirectoryRow> portalUser(long id) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        return rows(DirectoryQuery.ALL, List.of("u.id = :id"), "", params).stream()
                .findFirst();
    }

    /** The one query builder of the portal users list: the query's filters, extra conditions, id order, then tail. */
    private List<DirectoryRow> rows(
            DirectoryQuery query, List<String> extra, String tail, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>(extra);
        if (query.siteId() != null) {
            conditions.add("u.site_id = :siteId");
            params.addValue("siteId", query.siteId());
        }
        if (query.siteIds() != null) {
            conditions.add(query.siteIds().isEmpty() ? "1 = 0" : "u.site_id in (:siteIds)");
            params.addValue("siteIds", query.siteIds());
        }
        String sql = SELECT + where(query, conditions, params) + " order by u.id" + tail;
        return jdbc.query(
                sql,
                params,
                (rs, n) -> new DirectoryRow(
                        rs.getLong("id"),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        rs.getString("phone"),
                        rs.getLong("site_id"),
                        rs.getString("slug"),
                        rs.getString("name"),
                        rs.getBoolean("mfa_required"),
                        rs.getTimestamp("locked_at") != null,
                        rs.getString("pending_email"),
                        factors(rs)));
    }

    /**
     * The admin users (a short list), for system admins, filtered by the query's search text and 2FA status (its site
     * fields do not apply: admins belong to no site).
     */
    public List<AdminRow> admins(DirectoryQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> conditions = new ArrayList<>(List.of("u.admin_role is not null"));
        String sql = "select u.id, u.email, u.display_name, u.admin_role, u.mfa_required, u.locked_at,"
                + " u.password_hash is not null as has_password," + FACTORS
                + " from app_user u left join authenticator a on a.user_id = u.id"
                + where(query, conditions, params) + " order by u.id";
        return jdbc.query(
                sql,
                params,
                (rs, n) -> new AdminRow(
                        rs.getLong("id"),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        AdminRole.valueOf(rs.getString("admin_role")),
                        rs.getBoolean("mfa_required"),
                        rs.getTimestamp("locked_at") != null,
                        rs.getBoolean("has_password"),
                        factors(rs)));
    }

    /** The factors of one user, portal user or admin; empty when there is no such user. */
    public Optional<FactorSummary> factors(long userId) {
        return jdbc
                .query(
                        "select" + FACTORS + " from app_user u left join authenticator a on a.user_id = u.id"
                                + " where u.id = :id",
                        new MapSqlParameterSource("id", userId),
                        (rs, n) -> factors(rs))
                .stream()
                .findFirst();
    }

    /** One admin user in the admins table. */
    public record AdminRow(
            long id,
            String email,
            String displayName,
            AdminRole role,
            boolean mfaRequired,
            boolean locked,
            boolean hasPassword,
            FactorSummary factors) {

        public boolean activated() {
            return factors.activated();
        }
    }

    private static FactorSummary factors(ResultSet rs) throws SQLException {
        return new FactorSummary(
                rs.getString("status"),
                rs.getInt("backup_left"),
                rs.getBoolean("email_confirmed"),
                rs.getString("phone"),
                rs.getInt("passkeys"));
    }

    private static String where(DirectoryQuery query, List<String> conditions, MapSqlParameterSource params) {
        if (query.search() != null && !query.search().isBlank()) {
            conditions.add("(lower(u.email) like :q escape '\\' or lower(u.display_name) like :q escape '\\')");
            String term = query.search()
                    .trim()
                    .toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_");
            params.addValue("q", "%" + term + "%");
        }
        if (query.strongest() != null) {
            conditions.add("(" + STRONGEST.get(query.strongest()) + ")");
        }
        if (Boolean.TRUE.equals(query.activated())) {
            conditions.add(ACTIVATED);
        } else if (Boolean.FALSE.equals(query.activated())) {
            conditions.add("not " + ACTIVATED);
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
