package dev.latchkey.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.InvitationLinks;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.SignInSteps;
import java.time.Duration;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** F-CONTACT-1: the invitation link sets a first password once, within 24 hours, on its own site only. */
@IntegrationTest
class InvitationsIntegrationTests {

    static final String NEW_PASSWORD = "a brand new portal password";

    @LocalServerPort
    int port;

    @Autowired
    Invitations invitations;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theLinkSetsThePasswordOnceConfirmsTheEmailAndTheUserCanSignIn() {
        UserView user = invite("acme");
        assertThat(user.emailConfirmed()).isFalse();
        String link = InvitationLinks.await(user.email(), 1);

        Browser browser = new Browser(port);
        Page form = browser.get(link);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.document().select("#invitation-form input[type=password]"))
                .hasSize(2);

        Page done = browser.submit(form, "#invitation-form", InvitationLinks.passwords(NEW_PASSWORD, NEW_PASSWORD));
        assertThat(done.location()).isEqualTo("/sites/acme/login?passwordSet");
        assertThat(browser.get(done.location())
                        .document()
                        .select("[role=status]")
                        .text())
                .contains("password is set");
        assertThat(users.find(user.id()).orElseThrow().emailConfirmed()).isTrue();

        Page again = browser.get(link);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.alerts()).contains("expired or was already used").contains("Ask Acme Leasing");
        Page reuse = browser.submit(
                form, "#invitation-form", InvitationLinks.passwords("another password!!", "another password!!"));
        assertThat(reuse.status()).isEqualTo(410);

        // Acme requires MFA: a confirmed email leads to the email code, an unconfirmed one would not
        // the invitee has a valid phone too, so the chooser offers email (confirmed now) and SMS
        Browser signIn = new Browser(port);
        assertThat(SignInSteps.password(signIn, "acme", user.email(), NEW_PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/method");
        assertThat(signIn.get("/sites/acme/login/method")
                        .document()
                        .select("[data-factor]")
                        .eachAttr("data-factor"))
                .containsExactly("email", "sms");
        assertThat(users.authenticate(acme(), user.email(), "another password!!"))
                .isEmpty();
    }

    @Test
    void theLinkExpiresAfter24Hours() {
        UserView user = invite("acme");
        String link = InvitationLinks.await(user.email(), 1);
        Browser browser = new Browser(port);
        Page form = browser.get(link);
        assertThat(form.status()).isEqualTo(200);

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(browser.get(link).status()).isEqualTo(410);
        assertThat(browser.get(link).alerts()).contains("expired or was already used");
        Page refused = browser.submit(form, "#invitation-form", InvitationLinks.passwords(NEW_PASSWORD, NEW_PASSWORD));
        // refused by the expired link (410) or, the form being a day old, by its session's end (403)
        assertThat(refused.status()).isIn(403, 410);
        assertThat(users.authenticate(acme(), user.email(), NEW_PASSWORD)).isEmpty();
        assertThat(users.find(user.id()).orElseThrow().emailConfirmed()).isFalse();
    }

    @Test
    void theLinkStillWorksJustBefore24Hours() {
        UserView user = invite("acme");
        String link = InvitationLinks.await(user.email(), 1);
        clock.advance(Duration.ofHours(24).minusSeconds(30));
        Browser browser = new Browser(port);
        Page done = browser.submit(
                browser.get(link), "#invitation-form", InvitationLinks.passwords(NEW_PASSWORD, NEW_PASSWORD));
        assertThat(done.location()).isEqualTo("/sites/acme/login?passwordSet");
    }

    @Test
    void theLinkWorksOnlyOnItsOwnSite() {
        UserView user = invite("acme");
        String link = InvitationLinks.await(user.email(), 1);
        Browser browser = new Browser(port);
        assertThat(browser.get(link.replace("/sites/acme/", "/sites/globex/")).status())
                .isEqualTo(410);
        assertThat(users.find(user.id()).orElseThrow().emailConfirmed()).isFalse();
        assertThat(browser.get(link).status()).isEqualTo(200);
    }

    @Test
    void unknownAndMalformedTokensGetTheSameRefusal() {
        Browser browser = new Browser(port);
        for (String token : List.of("A".repeat(43), "short", "x".repeat(5000), "%27%20OR%201=1--")) {
            Page page = browser.get("/sites/acme/invitation/" + token);
            assertThat(page.status())
                    .as(token.length() > 50 ? "long token" : token)
                    .isEqualTo(410);
            assertThat(page.alerts()).contains("expired or was already used");
        }
        // the firewall refuses an encoded NUL before any controller sees it
        assertThat(browser.get("/sites/acme/invitation/%00").status()).isEqualTo(400);
        assertThat(browser.get("/sites/no-such-site/invitation/" + "A".repeat(43))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void badPasswordsAreA400AndLeaveTheLinkUsable() {
        UserView user = invite("acme");
        String link = InvitationLinks.await(user.email(), 1);
        Browser browser = new Browser(port);
        Page form = browser.get(link);
        Map<String, String[]> bad = Map.of(
                "short", new String[] {"eleven char", "eleven char"},
                "not the same", new String[] {NEW_PASSWORD, NEW_PASSWORD + "!"},
                "enter a password", new String[] {"", ""},
                "too long", new String[] {"x".repeat(1025), "x".repeat(1025)},
                "list of passwords that attackers try first", new String[] {"qwerty123456", "qwerty123456"},
                "name of this site", new String[] {"welcome to acme 2026", "welcome to acme 2026"});
        bad.forEach((message, pair) -> {
            Page refused = browser.submit(form, "#invitation-form", InvitationLinks.passwords(pair[0], pair[1]));
            assertThat(refused.status()).as(message).isEqualTo(400);
            assertThat(refused.alerts().toLowerCase()).as(message).contains(message);
        });
        assertThat(users.find(user.id()).orElseThrow().emailConfirmed()).isFalse();
        Page done = browser.submit(form, "#invitation-form", InvitationLinks.passwords(NEW_PASSWORD, NEW_PASSWORD));
        assertThat(done.location()).isEqualTo("/sites/acme/login?passwordSet");
    }

    @Test
    void onlyTheHashOfTheTokenIsStored() {
        UserView user = invite("acme");
        String token = InvitationLinks.token(InvitationLinks.await(user.email(), 1));
        List<Map<String, Object>> rows = jdbc.sql("select * from user_invitation where user_id = ?")
                .param(user.id())
                .query()
                .listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).values())
                .allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(token));
        assertThat(rows.get(0).get("token_hash")).isEqualTo(Invitations.hash(token));
        assertThat(String.valueOf(rows.get(0).get("token_hash"))).matches("[0-9a-f]{64}");
    }

    @Test
    void aNewInvitationReplacesTheEarlierLink() {
        UserView user = invite("acme");
        String first = InvitationLinks.await(user.email(), 1);
        assertThat(invitations.resend(user.id(), "test")).isTrue();
        String second = InvitationLinks.await(user.email(), 2);
        assertThat(second).isNotEqualTo(first);
        Browser browser = new Browser(port);
        assertThat(browser.get(first).status()).isEqualTo(410);
        Page done = browser.submit(
                browser.get(second), "#invitation-form", InvitationLinks.passwords(NEW_PASSWORD, NEW_PASSWORD));
        assertThat(done.location()).isEqualTo("/sites/acme/login?passwordSet");
        assertThat(invitations.resend(user.id(), "test"))
                .as("a user with a password is not invited")
                .isFalse();
    }

    @Test
    void twoSimultaneousUsesOfOneLinkHaveExactlyOneWinner() throws Exception {
        UserView user = invite("acme");
        String token = InvitationLinks.token(InvitationLinks.await(user.email(), 1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Boolean> accept = () -> {
                start.await();
                return invitations.accept(acme(), token, NEW_PASSWORD);
            };
            Future<Boolean> one = pool.submit(accept);
            Future<Boolean> two = pool.submit(accept);
            start.countDown();
            assertThat(List.of(one.get(), two.get())).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
    }

    private UserView invite(String slug) {
        Realm realm = sites.findBySlug(slug).orElseThrow().realm();
        return invitations.invitePortalUser(realm, "Ivy Invitee", email(slug), "+31201234567", "test");
    }

    private Realm acme() {
        return sites.findBySlug("acme").orElseThrow().realm();
    }

    static String email(String where) {
        return "inv-" + UUID.randomUUID().toString().substring(0, 12) + "@" + where + ".test";
    }
}
