package dev.latchkey.sites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.Browser;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** F-POLICY-1/2: per-site modes, the all-sites switch and the platform switch decide the next sign-in. */
@IntegrationTest
class MfaPolicyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    MfaPolicy policy;

    @Autowired
    Sites sites;

    @AfterEach
    void restoreDemoPolicy() {
        policy.setAllSites(false, "test");
        policy.setPlatform(true, "test");
        policy.updateSite(
                site("acme").id(), MfaMode.REQUIRED, Set.of("passkey", "email", "sms", "totp", "backup"), null, "test");
        policy.updateSite(site("globex").id(), MfaMode.OPTIONAL, Set.of("email", "totp", "backup"), null, "test");
    }

    @Test
    void optionalSiteLetsAUserWithoutAFactorInWithThePasswordAlone() {
        assertThat(passwordStep("globex", testUsers.portalUser("globex"))).isEqualTo("/sites/globex/");
    }

    @Test
    void allSitesSwitchTurnsMfaOnForTheNextSignInEverywhere() {
        policy.setAllSites(true, "test");
        assertThat(passwordStep("globex", testUsers.portalUser("globex"))).isEqualTo("/sites/globex/login/email");
        policy.setAllSites(false, "test");
        assertThat(passwordStep("globex", testUsers.portalUser("globex"))).isEqualTo("/sites/globex/");
    }

    @Test
    void perSiteModeAppliesWhenTheAllSitesSwitchIsOff() {
        policy.updateSite(site("globex").id(), MfaMode.REQUIRED, Set.of("email"), null, "test");
        policy.updateSite(site("acme").id(), MfaMode.OFF, Set.of("email"), null, "test");
        assertThat(passwordStep("globex", testUsers.portalUser("globex"))).isEqualTo("/sites/globex/login/email");
        assertThat(passwordStep("acme", testUsers.portalUser("acme"))).isEqualTo("/sites/acme/");
    }

    @Test
    void aUserFlaggedTwoFactorRequiredNeedsASecondFactorEvenWhereTheSiteIsOptional() {
        assertThat(passwordStep("globex", testUsers.portalUser("globex", true))).isEqualTo("/sites/globex/login/email");
    }

    @Test
    void aSiteThatDoesNotAllowEmailLeavesAUserWithoutMethodsAtAClearStop() {
        policy.updateSite(site("globex").id(), MfaMode.REQUIRED, Set.of("totp"), null, "test");
        assertThat(passwordStep("globex", testUsers.portalUser("globex"))).isEqualTo("/sites/globex/login/unavailable");
    }

    @Test
    void siteCodeLifetimeIsUsed() {
        policy.updateSite(site("globex").id(), MfaMode.REQUIRED, Set.of("email"), Duration.ofMinutes(2), "test");
        assertThat(site("globex").codeTtl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(site("acme").codeTtl()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void platformSwitchDecidesWhetherAdminsNeedASecondFactor() {
        assertThat(adminPasswordStep(testUsers.admin())).isEqualTo("/admin/login/email");
        policy.setPlatform(false, "test");
        assertThat(adminPasswordStep(testUsers.admin())).isEqualTo("/admin/");
    }

    private String passwordStep(String slug, UserView user) {
        return SignInSteps.password(new Browser(port), slug, user.email(), TestUsers.PASSWORD)
                .location();
    }

    private String adminPasswordStep(UserView admin) {
        Browser browser = new Browser(port);
        var login = browser.get("/admin/login");
        return browser.submit(
                        login,
                        "#login-form",
                        java.util.Map.of("username", admin.email(), "password", TestUsers.PASSWORD))
                .location();
    }

    private SiteView site(String slug) {
        return sites.findBySlug(slug).orElseThrow();
    }
}
