package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.mfa.totp.Authenticators;
import dev.latchkey.sites.MfaMode;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.SiteDraft;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IndependentTotp;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.SameSession;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * F-LOGIN-2, F-LOGIN-3, step-up: what a session carries from one user to the next, and what a login in progress keeps
 * after the site's policy changed.
 */
@IntegrationTest
class SessionBindingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    Authenticators authenticators;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * Before, the password step for bob inside alice's signed-in session kept alice signed in under the new id, indexed
     * under bob, so nothing that ends alice's sessions found it. Now the step starts from a fresh session.
     */
    @Test
    void aPasswordStepInsideASignedInSessionEndsThatSessionAndCarriesNothingOver() {
        UserView alice = testUsers.portalUser("acme");
        UserView bob = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        SignInSteps.signInWithEmail(browser, "acme", alice.email(), TestUsers.PASSWORD, 1);
        String aliceSession = browser.sessionId().orElseThrow();

        assertThat(SignInSteps.password(browser, "acme", bob.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/email");
        String bobPending = browser.sessionId().orElseThrow();

        assertThat(bobPending).isNotEqualTo(aliceSession);
        assertThat(SameSession.get(port, bobPending, "/sites/acme/").location())
                .as("the new session is not alice's")
                .isEqualTo("/sites/acme/login");
        assertThat(SameSession.get(port, aliceSession, "/sites/acme/").location())
                .as("alice's session ended with the step")
                .isEqualTo("/sites/acme/login");
        users.lock(bob.id(), "test");
        assertThat(SameSession.get(port, bobPending, "/sites/acme/login/email").location())
                .as("locking bob ends his half-finished login")
                .isEqualTo("/sites/acme/login?expired");
    }

    @Test
    void aPasswordStepOnAnotherSiteEndsTheSignedInSessionToo() {
        UserView alice = testUsers.portalUser("acme");
        UserView other = testUsers.portalUser("globex", true);
        Browser browser = new Browser(port);
        SignInSteps.signInWithEmail(browser, "acme", alice.email(), TestUsers.PASSWORD, 1);

        assertThat(SignInSteps.password(browser, "globex", other.email(), TestUsers.PASSWORD)
                        .location())
                .startsWith("/sites/globex/login/");

        assertThat(browser.get("/sites/acme/").location()).isEqualTo("/sites/acme/login");
    }

    /** Step-up: a second factor passed by one user never makes another user's step-up fresh, on any site. */
    @Test
    void stepUpFreshnessBelongsToThePrincipalWhoPassedIt() {
        UserView first = testUsers.portalUser("acme");
        UserView second = testUsers.portalUser("globex");
        Browser browser = new Browser(port);
        SignInSteps.signInWithEmail(browser, "acme", first.email(), TestUsers.PASSWORD, 1);
        assertThat(SignInSteps.password(browser, "globex", second.email(), TestUsers.PASSWORD)
                        .location())
                .as("password only: globex has MFA optional")
                .isEqualTo("/sites/globex/");

        Page security = browser.get("/sites/globex/account/security");
        Page generate = browser.submit(security, "form[action$='/backup-codes']", Map.of());

        assertThat(generate.location()).as("the second user steps up first").isEqualTo("/sites/globex/login/email");
    }

    /** F-LOGIN-3: a factor the admin removed cannot be used by a login that started while it was allowed. */
    @Test
    void aFactorRemovedDuringALoginCannotFinishIt() {
        String slug = "pol-" + UUID.randomUUID().toString().substring(0, 8);
        SiteView site =
                sites.create(new SiteDraft(slug, "Policy Test", "NL", MfaMode.REQUIRED, Set.of("email", "totp")));
        Realm realm = site.realm();
        UserView user = users.create(
                realm, new NewUser("u@" + slug + ".test", "Policy User", TestUsers.PASSWORD, true, null, false, null));
        String secret = testUsers.withAuthenticator(realm, user);
        clock.advance(Duration.ofSeconds(30));
        Browser browser = new Browser(port);
        assertThat(SignInSteps.password(browser, slug, user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/" + slug + "/login/totp");
        Page codePage = browser.get("/sites/" + slug + "/login/totp");

        sites.updatePolicy(site.id(), MfaMode.REQUIRED, Set.of("email"), site.codeTtl());
        Page answer =
                browser.submit(codePage, "#code-form", Map.of("code", IndependentTotp.code(secret, clock.instant())));

        assertThat(answer.location())
                .as("sent to the factors still allowed")
                .isEqualTo("/sites/" + slug + "/login/method");
        assertThat(browser.get("/sites/" + slug + "/").location()).isEqualTo("/sites/" + slug + "/login");
        assertThat(browser.get("/sites/" + slug + "/login/totp").location())
                .isEqualTo("/sites/" + slug + "/login/method");
    }
}
