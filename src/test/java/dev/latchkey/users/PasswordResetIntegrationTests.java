package dev.latchkey.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * F-ACCOUNT-1 "Forgot password?" (ASVS 5.0 V6.4.1–V6.4.3): no enumeration by answer or timing, a single-use link that
 * expires, sessions and half-finished sign-ins ended, the second factor still asked, throttles per account and per
 * network, the password rules, a notice afterwards.
 */
@IntegrationTest
class PasswordResetIntegrationTests {

    static final String NEW_PASSWORD = "a fresh and unlisted passphrase";
    private static final Pattern LINK =
            Pattern.compile("https?://[^/\\s]+(/(?:sites/[a-z0-9-]+|admin)" + "/password-reset/([A-Za-z0-9_-]{43}))");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Autowired
    MutableClock clock;

    @Autowired
    PasswordResets resets;

    @Autowired
    Invitations invitations;

    @Autowired
    dev.latchkey.sites.Sites sites;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void freshThrottles() {
        jdbc.sql("delete from reset_throttle").update();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void knownAndUnknownAddressesGetTheSameAnswerAndOnlyTheKnownOneAnEmail() {
        UserView user = testUsers.portalUser("acme");
        String unknown = "nobody-" + System.nanoTime() + "@acme.test";
        Browser browser = new Browser(port);

        Page known = ask(browser, "acme", user.email());
        Page other = ask(browser, "acme", unknown);
        assertThat(known.status()).isEqualTo(302);
        assertThat(other.status()).isEqualTo(302);
        assertThat(known.location()).isEqualTo(other.location()).isEqualTo("/sites/acme/forgot-password?sent");
        Page shown = browser.get(known.location());
        assertThat(shown.document().select("#forgot-sent").text())
                .contains("If Acme Leasing has an account with that address")
                .contains("30 minutes")
                .doesNotContain(user.email());

        String link = awaitLink(user.email(), 1);
        assertThat(link).startsWith("/sites/acme/password-reset/");
        awaitAudit(null, unknown, "failure");
        assertThat(TestMailServer.messagesTo(unknown)).isEmpty();
        assertThat(auditDetail(user.id())).isNull();
    }

    /**
     * No enumeration by construction: with the background worker held, a request for a known address is answered before
     * anything about the account was looked up, counted, stored or sent.
     */
    @Test
    void theAnswerComesBeforeTheAddressIsEvenLookedUp() throws Exception {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        resets.worker().execute(() -> {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(held.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        try {
            Page known = ask(browser, "acme", user.email());
            Page unknown = ask(browser, "acme", "nobody-" + System.nanoTime() + "@acme.test");
            assertThat(known.status()).isEqualTo(unknown.status()).isEqualTo(302);
            assertThat(known.location()).isEqualTo(unknown.location());
            assertThat(known.headers().keySet()).isEqualTo(unknown.headers().keySet());
            assertThat(jdbc.sql("select count(*) from user_invitation where user_id = ?")
                            .param(user.id())
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("select count(*) from reset_throttle where throttle_key like 'account:%'")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("select count(*) from audit_event where type = 'password.reset-requested'"
                                    + " and user_id = ?")
                            .param(user.id())
                            .query(Long.class)
                            .single())
                    .isZero();
        } finally {
            release.countDown();
        }
        assertThat(awaitLink(user.email(), 1)).startsWith("/sites/acme/password-reset/");
    }

    @Test
    void theAnswerTakesAsLongForAnUnknownAddressAsForAKnownOne() {
        UserView user = testUsers.portalUser("acme");
        String unknown = "nobody-" + System.nanoTime() + "@acme.test";
        Browser browser = new Browser(port);
        for (int i = 0; i < 4; i++) { // warm up both paths
            ask(browser, "acme", user.email());
            ask(browser, "acme", unknown);
            freshThrottles();
        }
        List<Long> knownTimes = new ArrayList<>();
        List<Long> unknownTimes = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            knownTimes.add(timed(() -> ask(browser, "acme", user.email())));
            unknownTimes.add(timed(() -> ask(browser, "acme", unknown)));
            freshThrottles();
        }
        long knownMedian = median(knownTimes);
        long unknownMedian = median(unknownTimes);
        // the look-up, the per-account limit and the email all happen after the answer, so the medians differ by
        // noise only; a synchronous look-up and email would add a database write and an outbox insert to one side
        assertThat(Math.abs(knownMedian - unknownMedian))
                .as("median µs known %d, unknown %d", knownMedian, unknownMedian)
                .isLessThan(Math.max(3_000, Math.min(knownMedian, unknownMedian) / 2));
    }

    @Test
    void theLinkSetsANewPasswordOnceEndsEverySessionAndStillAsksForTheSecondFactor() {
        UserView user = testUsers.portalUser("acme");
        Browser signedIn = new Browser(port);
        SignInSteps.signInWithEmail(signedIn, "acme", user.email(), TestUsers.PASSWORD, 1);
        assertThat(signedIn.get("/sites/acme/").status()).isEqualTo(200);
        Browser halfway = new Browser(port);
        assertThat(SignInSteps.password(halfway, "acme", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/email");

        Browser browser = new Browser(port);
        ask(browser, "acme", user.email());
        String link = awaitLink(user.email(), 1);
        Page form = browser.get(link);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.document().select("#reset-form input[name=password]")).hasSize(1);
        assertThat(form.document().select("#reset-form input[name=confirm]")).hasSize(1);

        Page done = browser.submit(form, "#reset-form", Map.of("password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        assertThat(done.location()).isEqualTo("/sites/acme/login?passwordReset");
        assertThat(browser.get(done.location())
                        .document()
                        .select("[role=status]")
                        .text())
                .contains("signed out everywhere");

        // every session ended: the signed-in one and the half-finished sign-in
        assertThat(signedIn.get("/sites/acme/").location()).endsWith("/sites/acme/login");
        assertThat(halfway.get("/sites/acme/login/email").location()).startsWith("/sites/acme/login?expired");
        // single use
        assertThat(browser.get(link).status()).isEqualTo(410);
        assertThat(browser.submit(
                                form,
                                "#reset-form",
                                Map.of("password", "yet another passphrase", "confirm", "yet another passphrase"))
                        .status())
                .isEqualTo(410);
        // the old password is gone; the new one signs in, and Acme's second factor is still asked
        assertThat(SignInSteps.password(new Browser(port), "acme", user.email(), TestUsers.PASSWORD)
                        .alerts())
                .contains("Incorrect email address or password");
        assertThat(SignInSteps.password(new Browser(port), "acme", user.email(), NEW_PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/email");

        String notice = TestMailServer.awaitMessage(user.email(), "password of your Acme Leasing account was changed");
        assertThat(notice)
                .contains("signed out everywhere")
                .contains("/sites/acme/forgot-password")
                .doesNotContain(NEW_PASSWORD);
        assertThat(jdbc.sql("select count(*) from audit_event where user_id = ? and type = 'password.reset'")
                        .param(user.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theLinkExpiresAfterThirtyMinutesAndANewerLinkReplacesIt() {
        UserView user = testUsers.portalUser("globex");
        Browser browser = new Browser(port);
        ask(browser, "globex", user.email());
        String first = awaitLink(user.email(), 1);
        ask(browser, "globex", user.email());
        String second = awaitLink(user.email(), 2);
        assertThat(browser.get(first).status()).as("replaced").isEqualTo(410);
        assertThat(browser.get(second).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        Page expired = browser.get(second);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.alerts()).contains("expired, was already used");
        assertThat(expired.document().select("a#reset-again").attr("href")).isEqualTo("/sites/globex/forgot-password");
    }

    /** ASVS 5.0 V6.2.8, V6.2.9: a long password of any characters is kept exactly: no truncation, no case change. */
    @Test
    void aPasswordOf100CharactersWithSpacesAndEmojiIsKeptExactly() {
        UserView user = testUsers.portalUser("globex");
        String chosen =
                "Zeven zwanen zwommen 🦢 over de zee, en één bleef achter bij de kade; ze zwom toch verder. ÉÉN!";
        assertThat(chosen.codePointCount(0, chosen.length())).isGreaterThanOrEqualTo(90);
        Browser browser = new Browser(port);
        ask(browser, "globex", user.email());
        Page form = browser.get(awaitLink(user.email(), 1));
        assertThat(browser.submit(form, "#reset-form", Map.of("password", chosen, "confirm", chosen))
                        .location())
                .isEqualTo("/sites/globex/login?passwordReset");
        var globex = sites.findBySlug("globex").orElseThrow().realm();
        assertThat(users.authenticate(globex, user.email(), chosen)).isPresent();
        assertThat(users.authenticate(globex, user.email(), chosen.toLowerCase()))
                .isEmpty();
        assertThat(users.authenticate(globex, user.email(), chosen.substring(0, 64)))
                .isEmpty();
        assertThat(users.authenticate(globex, user.email(), chosen + " ")).isEmpty();
    }

    @Test
    void aResetLinkWorksOnTheResetPageOnlyAndAnInvitationLinkNotThere() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        ask(browser, "acme", user.email());
        String token = awaitLink(user.email(), 1).replaceAll(".*/", "");
        assertThat(browser.get("/sites/acme/invitation/" + token).status()).isEqualTo(410);
        assertThat(invitations.accept(acme(), token, NEW_PASSWORD)).isFalse();
        assertThat(browser.get("/sites/acme/password-reset/" + token).status()).isEqualTo(200);

        UserView invited = invitations.invitePortalUser(
                acme(), "Ivy Invited", "ivy-" + System.nanoTime() + "@acme.test", null, "test");
        String invitation = dev.latchkey.test.InvitationLinks.await(invited.email(), 1);
        String invitationToken = invitation.replaceAll(".*/", "");
        assertThat(browser.get("/sites/acme/password-reset/" + invitationToken).status())
                .isEqualTo(410);
        // asking for a reset for the invited user leaves their invitation working
        ask(browser, "acme", invited.email());
        awaitLink(invited.email(), 1);
        assertThat(browser.get(invitation).status()).isEqualTo(200);
    }

    @Test
    void theLinkStillWorksAt29MinutesAndEndsWhenThePasswordIsChangedAnotherWay() {
        // no second factor, so the password change needs no step-up
        UserView user = testUsers.portalUserWithoutFactor("globex");
        Browser browser = new Browser(port);
        ask(browser, "globex", user.email());
        String link = awaitLink(user.email(), 1);
        clock.advance(Duration.ofMinutes(29));
        assertThat(browser.get(link).status()).isEqualTo(200);
        // the user changes the password on the Security page: the link mailed before stops working
        Browser signedIn = new Browser(port);
        assertThat(SignInSteps.password(signedIn, "globex", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/globex/");
        Page security = signedIn.get("/sites/globex/account/security");
        Page changed = signedIn.submit(
                security,
                "#password-form",
                Map.of(
                        "current",
                        TestUsers.PASSWORD,
                        "password",
                        NEW_PASSWORD,
                        "confirm",
                        NEW_PASSWORD,
                        "signOutOthers",
                        "true"));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(users.authenticate(sites.findBySlug("globex").orElseThrow().realm(), user.email(), NEW_PASSWORD))
                .isPresent();
        assertThat(browser.get(link).status()).isEqualTo(410);
    }

    /** Simultaneous requests as a full window ends: each finds the window it belongs to, none is refused wrongly. */
    @Test
    void requestsAsAWindowEndsAreCountedInTheNewOne() throws Exception {
        Browser browser = new Browser(port);
        for (int i = 0; i < 10; i++) {
            ask(browser, "acme", "filler-" + i + "-" + System.nanoTime() + "@acme.test");
        }
        assertThat(ask(browser, "acme", "one-more@acme.test").status()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(16));
        assertThat(simultaneousRequests(8, "rollover")).containsOnly(302);
    }

    @Test
    void aLinkWorksOnItsOwnSiteOnly() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        ask(browser, "acme", user.email());
        String token = awaitLink(user.email(), 1).replaceAll(".*/", "");
        assertThat(browser.get("/sites/globex/password-reset/" + token).status())
                .isEqualTo(410);
        assertThat(browser.get("/admin/password-reset/" + token).status()).isEqualTo(410);
        // and a user of another site with the same address gets nothing from this site's page
        assertThat(users.findByEmail(dev.latchkey.sites.Realm.ADMIN, user.email()))
                .isEmpty();
    }

    @Test
    void commonAndContextPasswordsAreRefusedAndLeaveTheLinkUsable() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        ask(browser, "acme", user.email());
        Page form = browser.get(awaitLink(user.email(), 1));
        Map<String, String> bad = Map.of(
                "qwerty123456",
                "list of passwords that attackers try first",
                "Acme Leasing 2026!",
                "name of this site",
                user.email() + "!",
                "email address",
                "short",
                "too short");
        bad.forEach((password, message) -> {
            Page refused = browser.submit(form, "#reset-form", Map.of("password", password, "confirm", password));
            assertThat(refused.status()).as(password).isEqualTo(400);
            assertThat(refused.alerts()).as(password).contains(message);
        });
        Page mismatch = browser.submit(form, "#reset-form", Map.of("password", NEW_PASSWORD, "confirm", "other"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(users.authenticate(acme(), user.email(), TestUsers.PASSWORD)).isPresent();
        Page done = browser.submit(form, "#reset-form", Map.of("password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        assertThat(done.location()).isEqualTo("/sites/acme/login?passwordReset");
    }

    @Test
    void ofSimultaneousSubmissionsOfOneLinkExactlyOneSetsThePassword() throws Exception {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        ask(browser, "acme", user.email());
        String link = awaitLink(user.email(), 1);
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Page>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String password = NEW_PASSWORD + " number " + i;
            Callable<Page> submit = () -> {
                Browser own = new Browser(port);
                Page form = own.get(link);
                start.await();
                return own.submit(form, "#reset-form", Map.of("password", password, "confirm", password));
            };
            answers.add(pool.submit(submit));
        }
        start.countDown();
        int set = 0;
        for (Future<Page> answer : answers) {
            Page page = answer.get();
            if (page.status() == 302) {
                set++;
            } else {
                assertThat(page.status()).isEqualTo(410);
            }
        }
        pool.shutdown();
        assertThat(set).isEqualTo(1);
    }

    @Test
    void oneAccountGetsAtMostThreeLinksAnHourAndTheAnswerNeverSaysSo() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        for (int i = 0; i < 5; i++) {
            Page answer = ask(browser, "acme", user.email());
            assertThat(answer.location()).isEqualTo("/sites/acme/forgot-password?sent");
        }
        awaitAudit(user.id(), null, "failure");
        awaitAuditCount(user.id(), 5);
        assertThat(auditDetails(user.id()))
                .filteredOn("too many requests"::equals)
                .hasSize(2);
        awaitLink(user.email(), 3);
        assertThat(links(user.email())).hasSize(3);
        clock.advance(Duration.ofMinutes(61));
        ask(browser, "acme", user.email());
        assertThat(awaitLink(user.email(), 4)).isNotNull();
    }

    @Test
    void oneNetworkMayAskTenTimesIn15MinutesWhateverTheAddress() {
        Browser browser = new Browser(port);
        for (int i = 0; i < 10; i++) {
            assertThat(ask(browser, "acme", "nobody-" + i + "-" + System.nanoTime() + "@acme.test")
                            .status())
                    .isEqualTo(302);
        }
        UserView user = testUsers.portalUser("acme");
        Page refused = ask(browser, "acme", user.email());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.alerts()).contains("Too many requests for a new password came from your network");
        assertThat(refused.header("Retry-After")).isPresent();
        Page refusedToo = ask(browser, "globex", "nobody@globex.test");
        assertThat(refusedToo.status()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(16));
        assertThat(ask(browser, "acme", user.email()).status()).isEqualTo(302);
        assertThat(awaitLink(user.email(), 1)).isNotNull();
    }

    @Test
    void simultaneousRequestsFromOneNetworkNeverGetPastTheLimit() throws Exception {
        List<Integer> statuses = simultaneousRequests(24, "racer");
        assertThat(statuses).filteredOn(status -> status == 302).hasSize(10);
        assertThat(statuses).filteredOn(status -> status != 302).containsOnly(429);
    }

    @Test
    void badInputIsA400ThatChangesNothing() {
        Browser browser = new Browser(port);
        for (String email : List.of(
                "",
                "not-an-address",
                "a@b@c",
                "spaced out@acme.test",
                "x".repeat(400) + "@acme.test",
                "line\nbreak@acme.test")) {
            Page refused = ask(browser, "acme", email);
            assertThat(refused.status()).as(email).isEqualTo(400);
            assertThat(refused.alerts()).as(email).contains("Enter the email address you sign in with");
        }
        assertThat(jdbc.sql("select count(*) from reset_throttle")
                        .query(Long.class)
                        .single())
                .isZero();
        for (String token : List.of("A".repeat(43), "short", "x".repeat(5000), "%27%20OR%201=1--")) {
            assertThat(browser.get("/sites/acme/password-reset/" + token).status())
                    .isEqualTo(410);
        }
        assertThat(browser.get("/sites/no-such-site/forgot-password").status()).isEqualTo(404);
        // without the form's CSRF token nothing is counted or sent
        Page forged = browser.post("/sites/acme/forgot-password", Map.of("email", "someone@acme.test"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from reset_throttle")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theAdminSiteHasItsOwnForgotPassword() {
        UserView admin = testUsers.admin();
        Browser browser = new Browser(port);
        Page login = browser.get("/admin/login");
        assertThat(login.document().select("a#forgot-password").attr("href")).isEqualTo("/admin/forgot-password");
        Page form = browser.get("/admin/forgot-password");
        Page answer = browser.submit(form, "#forgot-form", Map.of("email", admin.email()));
        assertThat(answer.location()).isEqualTo("/admin/forgot-password?sent");
        String link = awaitLink(admin.email(), 1);
        assertThat(link).startsWith("/admin/password-reset/");
        Page reset = browser.get(link);
        Page done = browser.submit(reset, "#reset-form", Map.of("password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
        assertThat(done.location()).isEqualTo("/admin/login?passwordReset");
        // the admin site asks for a second factor as before
        Browser next = new Browser(port);
        Page password = next.submit(
                next.get("/admin/login"), "#login-form", Map.of("username", admin.email(), "password", NEW_PASSWORD));
        assertThat(password.location()).startsWith("/admin/login/");
    }

    @Test
    void everySignInPageLinksToForgotPassword() {
        Browser browser = new Browser(port);
        for (String slug : List.of("acme", "globex")) {
            Page login = browser.get("/sites/" + slug + "/login");
            assertThat(login.document().select("a#forgot-password").attr("href"))
                    .isEqualTo("/sites/" + slug + "/forgot-password");
            Page forgot = browser.get("/sites/" + slug + "/forgot-password");
            assertThat(forgot.status()).isEqualTo(200);
            assertThat(forgot.document().select("#forgot-form input[name=email]"))
                    .hasSize(1);
        }
    }

    /** {@code n} "Forgot password?" requests for distinct unknown addresses, sent at once; answers their statuses. */
    private List<Integer> simultaneousRequests(int n, String prefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 12));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String email = prefix + "-" + i + "-" + System.nanoTime() + "@acme.test";
            answers.add(pool.submit(() -> {
                Browser own = new Browser(port);
                Page form = own.get("/sites/acme/forgot-password");
                start.await();
                return own.submit(form, "#forgot-form", Map.of("email", email)).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        return statuses;
    }

    private Page ask(Browser browser, String slug, String email) {
        String base = slug.equals("admin") ? "/admin" : "/sites/" + slug;
        Page form = browser.get(base + "/forgot-password");
        return browser.submit(form, "#forgot-form", Map.of("email", email));
    }

    private dev.latchkey.sites.Realm acme() {
        return sites.findBySlug("acme").orElseThrow().realm();
    }

    private static long timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The reset links a recipient received, oldest first (paths). */
    static List<String> links(String recipient) {
        return TestMailServer.messagesTo(recipient).stream()
                .map(PasswordResetIntegrationTests::body)
                .map(LINK::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .toList();
    }

    static String awaitLink(String recipient, int n) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            List<String> links = links(recipient);
            if (links.size() >= n) {
                return links.get(n - 1);
            }
            pause();
        }
        throw new AssertionError("No reset link #" + n + " to " + recipient + " within 20 s");
    }

    private static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
    }

    private void awaitAudit(Long userId, String username, String outcome) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            long found = userId != null
                    ? jdbc.sql("select count(*) from audit_event where type = 'password.reset-requested'"
                                    + " and user_id = ? and outcome = ?")
                            .params(userId, outcome)
                            .query(Long.class)
                            .single()
                    : jdbc.sql("select count(*) from audit_event where type = 'password.reset-requested'"
                                    + " and username = ? and outcome = ? and user_id is null")
                            .params(username, outcome)
                            .query(Long.class)
                            .single();
            if (found > 0) {
                return;
            }
            pause();
        }
        throw new AssertionError("No audit entry for " + (userId != null ? userId : username));
    }

    private void awaitAuditCount(long userId, int n) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline) && auditDetails(userId).size() < n) {
            pause();
        }
        assertThat(auditDetails(userId)).hasSize(n);
    }

    private List<String> auditDetails(long userId) {
        return jdbc.sql("select detail from audit_event where type = 'password.reset-requested' and user_id = ?")
                .param(userId)
                .query(String.class)
                .list();
    }

    private String auditDetail(long userId) {
        awaitAudit(userId, null, "success");
        return auditDetails(userId).get(0);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
