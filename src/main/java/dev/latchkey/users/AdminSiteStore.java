package dev.latchkey.users;

import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The {@code admin_site} table: the sites each site admin manages. System admins and portal users have no rows. */
@Component
class AdminSiteStore {

    private final JdbcClient jdbc;

    AdminSiteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<Long> sitesOf(long adminId) {
        return Set.copyOf(jdbc.sql("select site_id from admin_site where admin_id = ?")
                .param(adminId)
                .query(Long.class)
                .list());
    }

    /** Replaces the admin's sites by {@code siteIds}, in one transaction. */
    @Transactional
    void replace(long adminId, Set<Long> siteIds) {
        jdbc.sql("delete from admin_site where admin_id = ?").param(adminId).update();
        for (Long siteId : siteIds) {
            jdbc.sql("insert into admin_site (admin_id, site_id) values (?, ?)")
                    .params(adminId, siteId)
                    .update();
        }
    }
}
