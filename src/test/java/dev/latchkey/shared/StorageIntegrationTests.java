package dev.latchkey.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The one Flyway script set migrates on this run's database (H2 or PostgreSQL) and creates every table. */
@IntegrationTest
class StorageIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettingsStore settings;

    @Test
    void flywayAppliedEveryMigrationSuccessfully() {
        List<Boolean> applied = jdbc.sql("select success from flyway_schema_history where version is not null")
                .query(Boolean.class)
                .list();
        assertThat(applied).isNotEmpty().containsOnly(true);
    }

    @Test
    void everyTableExistsIncludingTheSessionTables() {
        for (String table : List.of(
                "site",
                "system_setting",
                "app_user",
                "account",
                "contract",
                "user_account",
                "contact_person",
                "one_time_code",
                "outbox_message",
                "audit_event",
                "spring_session",
                "spring_session_attributes")) {
            Integer count = jdbc.sql("select count(*) from " + table)
                    .query(Integer.class)
                    .single();
            assertThat(count).as("%s on %s", table, TestDatabase.kind()).isNotNull();
        }
    }

    @Test
    void settingsRoundTripAndOverwrite() {
        settings.put("test.setting", "one");
        settings.put("test.setting", "two");
        assertThat(settings.get("test.setting")).contains("two");
        assertThat(settings.get("test.absent")).isEmpty();
    }
}
