package dev.latchkey.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.mfa.backup.BackupCodes;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Step-up: sensitive security actions need a second factor from the last 10 minutes, or ask for one. */
@IntegrationTest
class StepUpIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    BackupCodes backupCodes;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void withinTenMinutesOfTheSecondFactorTheActionJustHappens() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        SignInSteps.signInWithEmail(browser, "acme", user.email(), TestUsers.PASSWORD, 1);
        clock.advance(Duration.ofMinutes(9));
        Page generated =
                browser.submit(browser.get("/sites/acme/account/security"), "form:has(#backup-generate)", Map.of());
        assertThat(generated.status()).isEqualTo(200);
        assertThat(generated.document().select(".backup-code")).hasSize(5);
    }

    @Test
    void afterTenMinutesTheActionAsksForASecondFactorFirstAndThenWorks() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        SignInSteps.signInWithEmail(browser, "acme", user.email(), TestUsers.PASSWORD, 1);
        clock.advance(Duration.ofMinutes(11));

        Page security = browser.get("/sites/acme/account/security");
        assertThat(security.document().select("#step-up-note")).hasSize(1);
        Page asked = browser.submit(security, "form:has(#backup-generate)", Map.of());
        assertThat(asked.location()).isEqualTo("/sites/acme/login/email");
        assertThat(backupCodes.remaining(user.id())).as("nothing happened yet").isZero();
        assertThat(browser.get("/sites/acme/").status())
                .as("still signed in meanwhile")
                .isEqualTo(200);

        Page verified = SignInSteps.code(browser, "acme", "email", TestMailServer.awaitCode(user.email(), 2));
        assertThat(verified.location()).isEqualTo("/sites/acme/account/security?verified");
        Page generated =
                browser.submit(browser.get("/sites/acme/account/security"), "form:has(#backup-generate)", Map.of());
        assertThat(generated.document().select(".backup-code")).hasSize(5);
    }

    @Test
    void aWrongCodeDuringStepUpChangesNothingAndCounts() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        SignInSteps.signInWithEmail(browser, "acme", user.email(), TestUsers.PASSWORD, 1);
        clock.advance(Duration.ofMinutes(11));
        browser.submit(browser.get("/sites/acme/account/security"), "form:has(#backup-generate)", Map.of());
        String code = TestMailServer.awaitCode(user.email(), 2);
        Page wrong = SignInSteps.code(browser, "acme", "email", code.equals("000000") ? "111111" : "000000");
        assertThat(wrong.status()).isEqualTo(401);
        Page stillStale =
                browser.submit(browser.get("/sites/acme/account/security"), "form:has(#backup-generate)", Map.of());
        assertThat(stillStale.location()).isEqualTo("/sites/acme/login/email");
        assertThat(backupCodes.remaining(user.id())).isZero();
    }
}
