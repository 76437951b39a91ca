package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.Purging;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * F-OPS-4: ended sessions are removed by Spring Session JDBC's own cleanup, which {@link SessionStoreConfiguration}
 * leaves in place: it runs every minute on every node ({@code spring.session.jdbc.cleanup-cron}), removes an expired
 * session with its attributes, and leaves a live one alone. Spring Session stamps and expires sessions by the system
 * clock, not the application's, so these sessions are made already expired rather than aged by the test clock.
 */
@IntegrationTest
class SessionRetentionIntegrationTests {

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anExpiredSessionGoesWithItsAttributesAndALiveOneStays() throws Exception {
        Session live = save(Instant.now());
        Session expired = save(Instant.now().minus(Duration.ofMinutes(31)));
        assertThat(rows(expired)).as("saved, though expired").isOne();

        Purging.onTwoThreadsAtOnce(sessions::cleanUpExpiredSessions);
        sessions.cleanUpExpiredSessions();

        assertThat(rows(expired)).isZero();
        assertThat(jdbc.sql("select count(*) from spring_session_attributes where session_primary_id = ?")
                        .param(ReflectionTestUtils.getField(expired, "primaryKey"))
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(rows(live)).isOne();
        Session found = sessions.findById(live.getId());
        assertThat(found).isNotNull();
        assertThat((String) found.getAttribute("note")).isEqualTo("kept");
    }

    @Test
    void theCleanupIsScheduledEveryMinute() {
        assertThat(ReflectionTestUtils.getField(sessions, "cleanupCron")).isEqualTo("0 * * * * *");
        ThreadPoolTaskScheduler scheduler =
                (ThreadPoolTaskScheduler) ReflectionTestUtils.getField(sessions, "taskScheduler");
        assertThat(scheduler).as("Spring Session runs its own scheduler").isNotNull();
        assertThat(scheduler.getScheduledThreadPoolExecutor().getQueue())
                .as("with the cleanup queued")
                .isNotEmpty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Session save(Instant lastAccess) {
        SessionRepository<Session> store = (SessionRepository) sessions;
        Session session = store.createSession();
        session.setMaxInactiveInterval(Duration.ofMinutes(30));
        session.setLastAccessedTime(lastAccess);
        session.setAttribute("note", "kept");
        store.save(session);
        return session;
    }

    private int rows(Session session) {
        return jdbc.sql("select count(*) from spring_session where session_id = ?")
                .param(session.getId())
                .query(Integer.class)
                .single();
    }
}
