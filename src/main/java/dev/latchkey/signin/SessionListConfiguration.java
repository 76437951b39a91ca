package dev.latchkey.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Listing a user's sessions reads one row per session attribute, and Spring Session puts a session together from rows
 * that follow each other. Its query has no {@code ORDER BY}, so PostgreSQL may interleave the rows of two sessions; the
 * list then holds a part of a session whose other part (the signed-in principal, say) is lost, and the user's list of
 * sessions (F-ACCOUNT-4) missed a session now and then. Ordered by session, every session is whole
 * (spring-projects/spring-session#3452).
 */
@Configuration(proxyBeanMethods = false)
class SessionListConfiguration {

    static final String LIST_SESSIONS_BY_PRINCIPAL_NAME = """
            SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL,
            SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
            FROM %TABLE_NAME% S
            LEFT JOIN %TABLE_NAME%_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
            WHERE S.PRINCIPAL_NAME = ?
            ORDER BY S.PRIMARY_ID
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> wholeSessionsInLists() {
        return repository -> repository.setListSessionsByPrincipalNameQuery(LIST_SESSIONS_BY_PRINCIPAL_NAME);
    }
}
