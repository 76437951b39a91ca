package dev.latchkey.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The admin's users directory (F-ADMIN-2): portal users with site, 2FA status and factors, filtered and paged in
 * the database (never all users in memory). A read model: it reads the authenticator and backup-code tables of the
 * mfa module by SQL, read-only, so the page is one query.
 */
@Service
public class UserDirectory {

    public static final int PAGE_SIZE = 50;

    private static final String SELECT = "select u.id, u.email, u.display_name, u.phone, s.id as site_id, s.slug,"
            + " s.name, u.email_confirmed, u.mfa_required, u.locked_at, a.status,"
            + " (select count(*) from backup_code b where b.user_id = u.id and b.used_at is null) as backup_left"
            + " from app_user u join site s on s.id = u.site_id left join authenticator a on a.user_id = u.id";

    private final NamedParameterJdbcTemplate jdbc;

    UserDirectory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of {@value #PAGE_SIZE} users, oldest account first, so pages stay put while users are added. */
    public DirectoryPage page(DirectoryQuery query, int page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = SELECT + where(query, params) + " order by u.id limit :limit offset :offset";
        params.addValue("limit", PAGE_SIZE + 1).addValue("offset", (long) page * PAGE_SIZE);
        List<DirectoryRow> rows = jdbc.query(sql, params, (rs, n) -> new DirectoryRow(
                rs.getLong("id"), rs.getString("email"), rs.getString("display_name"), rs.getString("phone"),
                rs.getLong("site_id"), rs.getString("slug"), rs.getString("name"), rs.getBoolean("email_confirmed"),
                rs.getBoolean("mfa_required"), rs.getTimestamp("locked_at") != null, rs.getString("status"),
                rs.getInt("backup_left")));
        boolean more = rows.size() > PAGE_SIZE;
        return new DirectoryPage(more ? rows.subList(0, PAGE_SIZE) : rows, page, more);
    }

    /** The admin users (a short list), for system admins: unlock, Delete 2FA setup and password reset apply. */
    public List<AdminRow> admins() {
        return jdbc.query("select u.id, u.email, u.display_name, u.admin_role, u.locked_at, a.status,"
                + " u.password_hash is not null as has_password from app_user u"
                + " left join authenticator a on a.user_id = u.id where u.admin_role is not null order by u.id",
                (rs, n) -> new AdminRow(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                        AdminRole.valueOf(rs.getString("admin_role")), rs.getTimestamp("locked_at") != null,
                        rs.getString("status"), rs.getBoolean("has_password")));
    }

    /** One admin user in the admins table. */
    public record AdminRow(long id, String email, String displayName, AdminRole role, boolean locked,
            String authenticator, boolean hasPassword) {}

    private static String where(DirectoryQuery query, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        if (query.siteId() != null) {
            conditions.add("u.site_id = :siteId");
            params.addValue("siteId", query.siteId());
        }
        if (query.siteIds() != null) {
            conditions.add(query.siteIds().isEmpty() ? "1 = 0" : "u.site_id in (:siteIds)");
            params.addValue("siteIds", query.siteIds());
        }
        if (query.search() != null && !query.search().isBlank()) {
            conditions.add("(lower(u.email) like :q escape '\\' or lower(u.display_name) like :q escape '\\')");
            String term = query.search().trim().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.addValue("q", "%" + term + "%");
        }
        // (not) exists lets the database walk users in id order and stop after one page
        String enabled = "exists (select 1 from authenticator e where e.user_id = u.id and e.status = 'ENABLED')";
        if (Boolean.TRUE.equals(query.activated())) {
            conditions.add(enabled);
        } else if (Boolean.FALSE.equals(query.activated())) {
            conditions.add("not " + enabled);
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
