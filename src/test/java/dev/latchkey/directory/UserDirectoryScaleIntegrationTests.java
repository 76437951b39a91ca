package dev.latchkey.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.latchkey.sites.MfaMode;
import dev.latchkey.sites.SiteDraft;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.TestDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * F-ADMIN-2 at scale: 100,000 portal users in PostgreSQL, and how long the Users page's queries take. Runs in the
 * PostgreSQL pass of the build only; the times are printed, and a generous bound guards against a query that loads
 * everything.
 */
@IntegrationTest
class UserDirectoryScaleIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(UserDirectoryScaleIntegrationTests.class);
    private static final int USERS = 100_000;

    @Autowired
    UserDirectory directory;

    @Autowired
    Sites sites;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theUsersPageStaysFastWithOneHundredThousandUsers() {
        assumeTrue(TestDatabase.isPostgres(), "the 100,000-user measurement runs on PostgreSQL");
        SiteView site = sites.findBySlug("scale")
                .orElseGet(() -> sites.create(new SiteDraft(
                        "scale", "Scale Test", "NL", MfaMode.OPTIONAL, Set.of("email", "totp", "backup"))));
        Instant loadStart = Instant.now();
        load(site.id());
        jdbc.execute("analyze app_user");
        jdbc.execute("analyze authenticator");
        log.info(
                "Loaded {} users in {} ms",
                USERS,
                Duration.between(loadStart, Instant.now()).toMillis());

        List<String> report = new ArrayList<>();
        DirectoryPage first = time(
                report,
                "first page, all sites",
                () -> directory.page(new DirectoryQuery(null, null, null, null, null), 0));
        DirectoryPage bySite = time(
                report,
                "first page, one site",
                () -> directory.page(new DirectoryQuery(site.id(), null, null, null, null), 0));
        DirectoryPage activated = time(
                report,
                "first page, 2FA activated",
                () -> directory.page(new DirectoryQuery(site.id(), null, true, null, null), 0));
        DirectoryPage notActivated = time(
                report,
                "first page, 2FA not activated",
                () -> directory.page(new DirectoryQuery(site.id(), null, false, null, null), 0));
        DirectoryPage search = time(
                report,
                "search by email",
                () -> directory.page(new DirectoryQuery(site.id(), "scale-user-99999@", null, null, null), 0));
        DirectoryPage deep = time(
                report,
                "page 1,000 of one site",
                () -> directory.page(new DirectoryQuery(site.id(), null, null, null, null), 1000));
        DirectoryPage bySms = time(
                report,
                "strongest factor SMS, one site",
                () -> directory.page(new DirectoryQuery(site.id(), null, null, "sms", null), 0));
        log.info("Users page queries with {} users in PostgreSQL:\n  {}", USERS, String.join("\n  ", report));

        assertThat(first.rows()).hasSize(UserDirectory.PAGE_SIZE);
        assertThat(bySite.rows()).hasSize(UserDirectory.PAGE_SIZE).allMatch(r -> r.siteId() == site.id());
        assertThat(activated.rows()).hasSize(UserDirectory.PAGE_SIZE).allMatch(DirectoryRow::activated);
        assertThat(notActivated.rows()).hasSize(UserDirectory.PAGE_SIZE).noneMatch(DirectoryRow::activated);
        assertThat(search.rows()).extracting(DirectoryRow::email).containsExactly("scale-user-99999@scale.test");
        assertThat(deep.rows()).hasSize(UserDirectory.PAGE_SIZE);
        assertThat(bySms.rows()).allMatch(r -> r.factors().strongest().equals("sms"));
    }

    private void load(long siteId) {
        Integer existing =
                jdbc.queryForObject("select count(*) from app_user where site_id = ?", Integer.class, siteId);
        if (existing != null && existing >= USERS) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            String email = "scale-user-" + i + "@scale.test";
            batch.add(new Object[] {siteId, "scale|" + email, email, "Scale User " + i, now});
            if (batch.size() == 5000) {
                insert(batch);
            }
        }
        insert(batch);
        // every tenth user has an enabled authenticator (the secret is a placeholder: these users never sign in)
        jdbc.update(
                "insert into authenticator (user_id, secret, status, created_at) select id, 'placeholder',"
                        + " 'ENABLED', created_at from app_user where site_id = ? and mod(id, 10) = 0",
                siteId);
    }

    private void insert(List<Object[]> batch) {
        jdbc.batchUpdate(
                "insert into app_user (site_id, login_key, email, display_name, email_confirmed,"
                        + " mfa_required, second_factor_failures, created_at) values (?, ?, ?, ?, true, false, 0, ?)",
                batch);
        batch.clear();
    }

    /** Runs a query three times and reports the fastest, so a cold cache does not decide the number. */
    private static DirectoryPage time(List<String> report, String what, Supplier<DirectoryPage> query) {
        DirectoryPage result = null;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            result = query.get();
            best = Math.min(best, System.nanoTime() - start);
        }
        report.add(String.format("%-32s %6.1f ms", what, best / 1e6));
        assertThat(Duration.ofNanos(best)).as(what).isLessThan(Duration.ofSeconds(2));
        return result;
    }
}
