package dev.latchkey.signin;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions live in the database (Spring Session JDBC). A browser loads a page's resources in parallel, so two requests
 * of one session may add the same attribute at once; Spring Session's plain INSERT then fails on the primary key. An
 * upsert (PostgreSQL's {@code ON CONFLICT}, H2's {@code MERGE … KEY}) lets the last write win.
 *
 * <p>The upsert also writes nothing for a session that is gone: a sign-in step replaces its session (see
 * {@link SignInSession}), and a request of the old session that was still running must not fail on the foreign key when
 * it saves its attributes at the end.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    static final String H2_UPSERT_ATTRIBUTE = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            SELECT S.PRIMARY_ID, A.NAME, A.BYTES
            FROM (SELECT CAST(? AS CHAR(36)) AS PID, CAST(? AS VARCHAR(200)) AS NAME, CAST(? AS VARBINARY) AS BYTES) A
            JOIN %TABLE_NAME% S ON S.PRIMARY_ID = A.PID
            """;

    static final String POSTGRESQL_UPSERT_ATTRIBUTE = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            SELECT S.PRIMARY_ID, A.NAME, A.BYTES
            FROM (SELECT CAST(? AS CHAR(36)) AS PID, CAST(? AS VARCHAR(200)) AS NAME, CAST(? AS BYTEA) AS BYTES) A
            JOIN %TABLE_NAME% S ON S.PRIMARY_ID = A.PID
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> concurrentAttributeWrites(DataSource dataSource) {
        String product = databaseProduct(dataSource);
        if (product.contains("postgresql")) {
            return repository -> repository.setCreateSessionAttributeQuery(POSTGRESQL_UPSERT_ATTRIBUTE);
        }
        if (product.contains("h2")) {
            return repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT_ATTRIBUTE);
        }
        return repository -> {};
    }

    private static String databaseProduct(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot read the database's product name", ex);
        }
    }
}
