package dev.latchkey.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * System-wide settings, stored in the database so that every node reads the same value on the next request. Values are
 * plain strings; the owning module gives them meaning.
 */
@Component
public class SettingsStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    SettingsStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<String> get(String name) {
        return jdbc.sql("select setting from system_setting where name = ?")
                .param(name)
                .query(String.class)
                .optional();
    }

    /** PostgreSQL's driver cannot bind an Instant; a Timestamp binds on both databases. */
    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    @Transactional
    public void put(String name, String value) {
        int updated = jdbc.sql("update system_setting set setting = ?, updated_at = ? where name = ?")
                .params(value, now(), name)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into system_setting (name, setting, updated_at) values (?, ?, ?)")
                    .params(name, value, now())
                    .update();
        }
    }
}
