package dev.latchkey.users;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The row lock of one {@code app_user} row ({@code select ... for update}, on H2 and PostgreSQL alike), held until the
 * caller's transaction ends: check-then-act sequences on one user run one at a time on every node. Only a caller that
 * already runs a transaction may take it; an unknown user locks nothing.
 */
@Component
class UserRowLocks {

    private final JdbcClient jdbc;

    UserRowLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void lockForUpdate(long userId) {
        jdbc.sql("select id from app_user where id = ? for update")
                .param(userId)
                .query(Long.class)
                .optional();
    }
}
