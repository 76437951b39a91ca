package dev.latchkey.mfa.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** F-BACKUP-1/2: five single-use codes, shown once, hashed, accepted at sign-in, one winner under concurrency. */
@IntegrationTest
class BackupCodesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    BackupCodes backupCodes;

    @Autowired
    Sites sites;

    @Autowired
    JdbcClient jdbc;

    Browser browser;
    UserView user;

    @BeforeEach
    void signIn() {
        browser = new Browser(port);
        user = testUsers.portalUser("acme");
        SignInSteps.signInWithEmail(browser, "acme", user.email(), TestUsers.PASSWORD, 1);
    }

    @Test
    void generateShowsFiveCodesOnceWithDownloadPrintAndCopy() {
        Page generated = generate();
        List<String> codes = generated.document().select(".backup-code").eachText();
        assertThat(codes).hasSize(5).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
        assertThat(generated.header("Cache-Control").orElse("")).contains("no-store");
        assertThat(generated.document().select("#backup-print")).hasSize(1);
        assertThat(generated.document().select("#backup-copy")).hasSize(1);

        var download = generated.document().selectFirst("#backup-download");
        assertThat(download.attr("download")).isEqualTo("latchkey-backup-codes-acme.txt");
        String href = download.attr("href");
        assertThat(href).startsWith("data:text/plain;charset=utf-8;base64,");
        String text =
                new String(Base64.getDecoder().decode(href.substring(href.indexOf(',') + 1)), StandardCharsets.UTF_8);
        assertThat(text).contains(codes).contains("Acme Leasing");

        Page security = browser.get("/sites/acme/account/security");
        assertThat(security.document().selectFirst("#backup-remaining").text()).isEqualTo("5");
        assertThat(security.body()).doesNotContain(codes.get(0));
        TestMailServer.awaitMessage(user.email(), "New backup codes");
    }

    @Test
    void codesAreStoredOnlyAsSaltedSlowHashes() {
        List<String> codes = generate().document().select(".backup-code").eachText();
        List<String> hashes = jdbc.sql("select code_hash from backup_code where user_id = ?")
                .param(user.id())
                .query(String.class)
                .list();
        assertThat(hashes).hasSize(5).doesNotHaveDuplicates().allSatisfy(h -> {
            assertThat(h).startsWith("{argon2}$argon2id$");
            codes.forEach(c -> assertThat(h).doesNotContain(c).doesNotContain(c.replace("-", "")));
        });
    }

    @Test
    void eachCodeSignsInOnceAndTheUserIsToldHowManyRemain() {
        List<String> codes = generate().document().select(".backup-code").eachText();
        Browser next = new Browser(port);
        SignInSteps.password(next, "acme", user.email(), TestUsers.PASSWORD);
        Page chooser = next.get("/sites/acme/login/method");
        assertThat(chooser.document().select("[data-factor]").eachAttr("data-factor"))
                .containsExactly("email", "backup");
        Page backupPage = next.open(
                next.submit(chooser, "form", Map.of("factor", "backup")).location());
        assertThat(backupPage
                        .document()
                        .selectFirst("#code-form input[name=code]")
                        .attr("inputmode"))
                .isEqualTo("text");
        Page done = next.submit(
                backupPage, "#code-form", Map.of("code", codes.get(0).toUpperCase()));
        assertThat(done.location()).isEqualTo("/sites/acme/");
        assertThat(next.get("/sites/acme/")
                        .document()
                        .selectFirst("#backup-left")
                        .text())
                .contains("4 unused");
        assertThat(TestMailServer.awaitMessage(user.email(), "backup code was used"))
                .contains("4 unused");

        Browser again = new Browser(port);
        SignInSteps.password(again, "acme", user.email(), TestUsers.PASSWORD);
        Page reused = SignInSteps.code(again, "acme", "backup", codes.get(0));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.alerts()).contains("used already");
        assertThat(backupCodes.remaining(user.id())).isEqualTo(4);
    }

    @Test
    void everyOneOfTheFiveCodesWorksExactlyOnce() {
        Realm acme = sites.findBySlug("acme").orElseThrow().realm();
        List<String> codes = backupCodes.generate(acme, user.id(), user.email());
        for (int i = 0; i < codes.size(); i++) {
            assertThat(backupCodes.use(acme, user.id(), codes.get(i)))
                    .as("first use of code %d", i)
                    .isTrue();
            assertThat(backupCodes.use(acme, user.id(), codes.get(i)))
                    .as("second use of code %d", i)
                    .isFalse();
            assertThat(backupCodes.remaining(user.id())).isEqualTo(4 - i);
        }
    }

    @Test
    void generatingAgainInvalidatesTheOldSet() {
        List<String> old = generate().document().select(".backup-code").eachText();
        List<String> fresh = generate().document().select(".backup-code").eachText();
        assertThat(fresh).doesNotContainAnyElementsOf(old);
        Realm acme = sites.findBySlug("acme").orElseThrow().realm();
        assertThat(backupCodes.use(acme, user.id(), old.get(0))).isFalse();
        assertThat(backupCodes.use(acme, user.id(), fresh.get(0))).isTrue();
        assertThat(backupCodes.remaining(user.id())).isEqualTo(4);
    }

    @Test
    void twoConcurrentUsesOfOneCodeHaveExactlyOneWinner() throws Exception {
        Realm acme = sites.findBySlug("acme").orElseThrow().realm();
        String code = backupCodes.generate(acme, user.id(), user.email()).get(2);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return backupCodes.use(acme, user.id(), code);
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> result : results) {
            winners += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
        assertThat(backupCodes.remaining(user.id())).isEqualTo(4);
    }

    private Page generate() {
        Page security = browser.get("/sites/acme/account/security");
        Page generated = browser.submit(security, "form:has(#backup-generate)", Map.of());
        assertThat(generated.status()).isEqualTo(200);
        return generated;
    }
}
