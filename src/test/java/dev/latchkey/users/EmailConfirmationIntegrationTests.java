package dev.latchkey.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.ConfirmationLinks;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.EmailConfirmations.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * F-CONTACT-2: the link that confirms a new email address (the only state-changing page it adds). It works once, for 24
 * hours, on its own site, for its own user's password, for the address it was sent to; never as an invitation; and bad
 * input gets a clear 4xx, changes nothing and is logged in one line without the token.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class EmailConfirmationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ContactChanges changes;

    @Autowired
    EmailConfirmations confirmations;

    @Autowired
    Invitations invitations;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    TestUsers testUsers;

    @Autowired
    AuditLog audit;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theLinkExpiresAfter24Hours() {
        Pending pending = pending("acme");
        Browser browser = new Browser(port);
        Page form = browser.get(pending.link());
        assertThat(form.status()).isEqualTo(200);

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        Page stale = browser.get(pending.link());
        assertThat(stale.status()).isEqualTo(410);
        assertThat(stale.alerts())
                .contains("expired, was already used or was replaced")
                .contains("Acme Leasing");
        // refused by the expired link (410) or, the form being a day old, by its session's end (403)
        assertThat(browser.submit(form, "#confirm-email-form", Map.of("password", TestUsers.PASSWORD))
                        .status())
                .isIn(403, 410);
        assertThat(confirmations.confirm(acme(), pending.token(), TestUsers.PASSWORD))
                .isEqualTo(Outcome.UNUSABLE);
        assertUnchanged(pending);
    }

    @Test
    void aConfirmedLinkIsUsedUpAndAReplayChangesNothing() {
        Pending pending = pending("acme");
        Browser browser = new Browser(port);
        Page form = browser.get(pending.link());
        assertThat(browser.submit(form, "#confirm-email-form", Map.of("password", TestUsers.PASSWORD))
                        .location())
                .isEqualTo("/sites/acme/login?emailConfirmed");
        assertThat(users.find(pending.user().id()).orElseThrow().email()).isEqualTo(pending.newEmail());

        // the organisation moves the user on again; replaying the first link must not bring the old address back
        changes.apply(pending.user().id(), email("acme"), null, "test");
        Page replay = browser.submit(form, "#confirm-email-form", Map.of("password", TestUsers.PASSWORD));
        assertThat(replay.status()).isEqualTo(410);
        assertThat(new Browser(port).get(pending.link()).status()).isEqualTo(410);
        assertThat(confirmations.confirm(acme(), pending.token(), TestUsers.PASSWORD))
                .isEqualTo(Outcome.UNUSABLE);
        assertThat(users.find(pending.user().id()).orElseThrow().email()).isEqualTo(pending.newEmail());
    }

    @Test
    void aNewerAddressReplacesTheEarlierLinkAndWithdrawingItKillsItsLink() {
        Pending pending = pending("acme");
        String newer = email("acme");
        ContactChange change = changes.apply(pending.user().id(), newer, null, "test");
        assertThat(change.confirmationSent()).isTrue();
        assertThat(change.user().pendingEmail()).isEqualTo(newer);
        String newerLink = ConfirmationLinks.await(newer, 1);
        Browser browser = new Browser(port);
        assertThat(browser.get(pending.link()).status()).as("replaced").isEqualTo(410);
        assertThat(browser.get(newerLink).status()).isEqualTo(200);

        // the organisation types the user's current address again: the pending one is withdrawn, its link dies
        ContactChange back = changes.apply(pending.user().id(), pending.user().email(), null, "test");
        assertThat(back.confirmationSent()).isFalse();
        assertThat(back.user().pendingEmail()).isNull();
        assertThat(browser.get(newerLink).status()).isEqualTo(410);
        assertThat(confirmations.confirm(acme(), ConfirmationLinks.token(newerLink), TestUsers.PASSWORD))
                .isEqualTo(Outcome.UNUSABLE);
        assertUnchanged(pending);
        assertThat(audit.recentFor(pending.user().id()))
                .extracting(AuditEntry::detail)
                .contains("new email waits for confirmation", "pending email withdrawn");
    }

    @Test
    void anotherUsersLinkCannotConfirmWithTheirOwnPasswordNorOnAnotherSite() {
        Pending alices = pending("acme");
        Pending bobs = pending("acme");
        Browser bob = new Browser(port);
        Page form = bob.get(alices.link());
        Page refused = bob.submit(form, "#confirm-email-form", Map.of("password", "bobs own password, not alices"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.alerts()).contains("not the password of this account");
        assertUnchanged(alices);
        assertUnchanged(bobs);

        // the same user's link on another site, and a globex user's password on an acme link
        assertThat(bob.get(alices.link().replace("/sites/acme/", "/sites/globex/"))
                        .status())
                .isEqualTo(410);
        Pending carols = pending("globex");
        assertThat(confirmations.confirm(acme(), carols.token(), TestUsers.PASSWORD))
                .isEqualTo(Outcome.UNUSABLE);
        assertUnchanged(carols);

        assertThat(bob.submit(bob.get(bobs.link()), "#confirm-email-form", Map.of("password", TestUsers.PASSWORD))
                        .location())
                .isEqualTo("/sites/acme/login?emailConfirmed");
        assertUnchanged(alices);
    }

    @Test
    void aConfirmationLinkIsNeverAnInvitationAndAResetLinkNeverConfirms() {
        Pending pending = pending("acme");
        Browser browser = new Browser(port);
        String asInvitation = "/sites/acme/invitation/" + pending.token();
        assertThat(browser.get(asInvitation).status()).isEqualTo(410);
        assertThat(browser.post(
                                asInvitation,
                                Map.of(
                                        "_csrf",
                                        csrf(browser.get(pending.link())),
                                        "password",
                                        "the thief's new password",
                                        "confirmation",
                                        "the thief's new password"))
                        .status())
                .isEqualTo(410);
        assertThat(invitations.accept(acme(), pending.token(), "the thief's new password"))
                .isFalse();
        assertThat(users.authenticate(acme(), pending.user().email(), TestUsers.PASSWORD))
                .isPresent();

        invitations.sendPasswordReset(pending.user().id(), "test");
        java.util.regex.Matcher reset = java.util.regex.Pattern.compile("/sites/acme/invitation/([A-Za-z0-9_-]{43})")
                .matcher(TestMailServer.awaitMessage(pending.user().email(), "new password"));
        assertThat(reset.find()).isTrue();
        assertThat(browser.get("/sites/acme/confirm-email/" + reset.group(1)).status())
                .isEqualTo(410);
        assertThat(confirmations.confirm(acme(), reset.group(1), TestUsers.PASSWORD))
                .isEqualTo(Outcome.UNUSABLE);
        assertUnchanged(pending);
        assertThat(browser.get(pending.link()).status())
                .as("a reset leaves the confirmation link alone")
                .isEqualTo(200);
    }

    @Test
    void badInputIsAClear4xxChangesNothingAndIsLoggedInOneLineWithoutTheToken(CapturedOutput output) {
        Pending pending = pending("acme");
        Browser browser = new Browser(port);
        Page form = browser.get(pending.link());
        String csrf = csrf(form);
        for (String token : List.of("A".repeat(43), "short", "x".repeat(5000), "%27%20OR%201=1--")) {
            String path = "/sites/acme/confirm-email/" + token;
            String label = token.length() > 50 ? "long token" : token;
            assertThat(browser.get(path).status()).as(label).isEqualTo(410);
            Page posted = browser.post(path, Map.of("_csrf", csrf, "password", TestUsers.PASSWORD));
            assertThat(posted.status()).as(label).isEqualTo(410);
            assertThat(posted.alerts()).as(label).contains("expired, was already used");
        }
        assertThat(browser.get("/sites/acme/confirm-email/%00").status()).isEqualTo(400);
        assertThat(browser.get("/sites/no-such-site/confirm-email/" + pending.token())
                        .status())
                .isEqualTo(404);

        Map<String, Map<String, String>> bad = Map.of(
                "enter your current password", Map.of("_csrf", csrf, "password", ""),
                "too long", Map.of("_csrf", csrf, "password", "x".repeat(1025)),
                "enter your current password ", Map.of("_csrf", csrf));
        for (int round = 0; round < 3; round++) {
            bad.forEach((message, fields) -> {
                Page refused = browser.post(pending.link(), fields);
                assertThat(refused.status()).as(message).isEqualTo(400);
                assertThat(refused.alerts().toLowerCase()).as(message).contains(message.strip());
            });
        }
        assertThat(browser.post(pending.link(), Map.of("password", TestUsers.PASSWORD))
                        .status())
                .as("no CSRF token")
                .isEqualTo(403);
        assertUnchanged(pending);
        assertThat(tries(pending)).as("malformed input takes no try").isZero();

        List<String> lines = output.getAll()
                .lines()
                .filter(l -> l.contains("Email confirmation"))
                .toList();
        // one line per refused POST: 4 unknown links and 9 bad forms
        assertThat(lines).hasSizeGreaterThanOrEqualTo(4 + 9);
        assertThat(output.getAll()).doesNotContain(pending.token()).doesNotContain(TestUsers.PASSWORD);
        assertThat(browser.submit(
                                browser.get(pending.link()),
                                "#confirm-email-form",
                                Map.of("password", TestUsers.PASSWORD))
                        .location())
                .isEqualTo("/sites/acme/login?emailConfirmed");
    }

    @Test
    void fiveWrongPasswordsKillTheLinkAndEachIsAudited() {
        Pending pending = pending("acme");
        Browser browser = new Browser(port);
        Page form = browser.get(pending.link());
        for (int i = 1; i <= EmailConfirmations.MAX_TRIES; i++) {
            Page wrong = browser.submit(form, "#confirm-email-form", Map.of("password", "wrong password " + i));
            assertThat(wrong.status()).as("try %s", i).isEqualTo(i < EmailConfirmations.MAX_TRIES ? 401 : 410);
        }
        assertThat(browser.get(pending.link()).status()).isEqualTo(410);
        assertThat(browser.submit(form, "#confirm-email-form", Map.of("password", TestUsers.PASSWORD))
                        .status())
                .isEqualTo(410);
        assertUnchanged(pending);
        assertThat(audit.recentFor(pending.user().id()))
                .filteredOn(e ->
                        e.type().equals("user.email-confirmed") && e.outcome().equals("failure"))
                .hasSize(EmailConfirmations.MAX_TRIES);
    }

    @Test
    void parallelGuessesGetNoMoreThanFiveChecks() throws Exception {
        Pending pending = pending("acme");
        List<Outcome> outcomes = concurrently(12, i -> confirmations.confirm(acme(), pending.token(), "guess " + i));
        assertThat(outcomes).filteredOn(o -> o == Outcome.WRONG_PASSWORD).hasSize(EmailConfirmations.MAX_TRIES);
        // the rest are refused unchecked: the link is out of tries, or the user's proof delay has begun
        assertThat(outcomes)
                .filteredOn(o -> o == Outcome.UNUSABLE || o == Outcome.DELAYED)
                .hasSize(12 - EmailConfirmations.MAX_TRIES);
        assertThat(confirmations.confirm(acme(), pending.token(), TestUsers.PASSWORD))
                .isEqualTo(Outcome.UNUSABLE);
        assertUnchanged(pending);
    }

    /**
     * The password typed on a link is a proof like any other. A wrong one counts against the user (so a fresh link
     * never buys fresh guesses), and in the user's delay even the right one is not checked.
     */
    @Test
    void wrongPasswordsCountAgainstTheUserAcrossLinksAndTheDelayHolds() {
        Pending pending = pending("acme");
        assertThat(confirmations.confirm(acme(), pending.token(), "a guess")).isEqualTo(Outcome.WRONG_PASSWORD);
        assertThat(users.find(pending.user().id()).orElseThrow().secondFactorFailures())
                .isEqualTo(1);
        jdbc.sql("update app_user set second_factor_failures = 5, second_factor_failed_at = ? where id = ?")
                .params(java.sql.Timestamp.from(clock.instant()), pending.user().id())
                .update();

        assertThat(confirmations.confirm(acme(), pending.token(), TestUsers.PASSWORD))
                .isEqualTo(Outcome.DELAYED);
        assertUnchanged(pending);
        assertThat(users.find(pending.user().id()).orElseThrow().secondFactorFailures())
                .isEqualTo(5);
    }

    @Test
    void simultaneousConfirmationsHaveExactlyOneWinner() throws Exception {
        Pending pending = pending("acme");
        List<Outcome> outcomes =
                concurrently(4, i -> confirmations.confirm(acme(), pending.token(), TestUsers.PASSWORD));
        assertThat(outcomes).containsOnlyOnce(Outcome.CONFIRMED);
        assertThat(outcomes).filteredOn(o -> o != Outcome.CONFIRMED).containsOnly(Outcome.UNUSABLE);
        UserView confirmed = users.find(pending.user().id()).orElseThrow();
        assertThat(confirmed.email()).isEqualTo(pending.newEmail());
        assertThat(confirmed.pendingEmail()).isNull();
        assertThat(TestMailServer.awaitMessage(pending.user().email(), "sign-in address was changed"))
                .contains(pending.newEmail());
        assertThat(TestMailServer.messagesTo(pending.user().email()).stream()
                        .filter(m -> subject(m).contains("sign-in address was changed"))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void onlyTheHashOfTheTokenIsStoredWithTheAddressItConfirms() {
        Pending pending = pending("acme");
        List<Map<String, Object>> rows = jdbc.sql("select * from user_invitation where user_id = ? and purpose = ?")
                .params(pending.user().id(), "EMAIL")
                .query()
                .listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).values())
                .allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(pending.token()));
        assertThat(rows.get(0).get("token_hash")).isEqualTo(Invitations.hash(pending.token()));
        assertThat(rows.get(0).get("email")).isEqualTo(pending.newEmail());
    }

    @Test
    void theSecurityPageShowsThePendingAddressBesideTheConfirmedOne() {
        Pending pending = pending("globex");
        Browser browser = new Browser(port);
        dev.latchkey.test.SignInSteps.password(browser, "globex", pending.user().email(), TestUsers.PASSWORD);
        Page page = browser.get("/sites/globex/account/security");
        assertThat(page.document().select("#account-email").text())
                .isEqualTo(pending.user().email());
        assertThat(page.document().select("#account-email-pending").text()).contains(pending.newEmail());
    }

    /** A user with a password and a confirmed email, to whom the organisation gave a new address. */
    private Pending pending(String slug) {
        UserView user = testUsers.portalUser(slug);
        String newEmail = email(slug);
        ContactChange change = changes.apply(user.id(), newEmail, null, "test");
        assertThat(change.confirmationSent()).isTrue();
        assertThat(change.user().email()).isEqualTo(user.email());
        String link = ConfirmationLinks.await(newEmail, 1);
        assertThat(link).startsWith("/sites/" + slug + "/confirm-email/");
        return new Pending(user, newEmail, link, ConfirmationLinks.token(link));
    }

    private void assertUnchanged(Pending pending) {
        UserView now = users.find(pending.user().id()).orElseThrow();
        assertThat(now.email()).isEqualTo(pending.user().email());
        assertThat(now.emailConfirmed()).isTrue();
        Realm realm = sites.realmOf(pending.user().siteId());
        assertThat(users.findByEmail(realm, pending.newEmail())).isEmpty();
        assertThat(users.authenticate(realm, pending.user().email(), TestUsers.PASSWORD))
                .isPresent();
    }

    private long tries(Pending pending) {
        return jdbc.sql("select attempts from user_invitation where token_hash = ?")
                .param(Invitations.hash(pending.token()))
                .query(Long.class)
                .single();
    }

    private static <T> List<T> concurrently(int n, java.util.function.IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> call = () -> {
                    start.await();
                    return task.apply(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Realm acme() {
        return sites.findBySlug("acme").orElseThrow().realm();
    }

    private static String csrf(Page page) {
        return page.document().selectFirst("input[name=_csrf]").attr("value");
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (jakarta.mail.MessagingException ex) {
            return "";
        }
    }

    static String email(String where) {
        return "new-" + UUID.randomUUID().toString().substring(0, 12) + "@" + where + ".test";
    }

    record Pending(UserView user, String newEmail, String link, String token) {}
}
