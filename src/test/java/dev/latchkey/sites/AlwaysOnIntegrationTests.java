package dev.latchkey.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.test.Browser;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** F-POLICY-3: {@code latchkey.mfa.always-on=true} requires MFA everywhere and nothing can switch it off. */
@IntegrationTest
@TestPropertySource(properties = "latchkey.mfa.always-on=true")
class AlwaysOnIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MfaPolicy policy;

    @Autowired
    Sites sites;

    @Autowired
    TestUsers testUsers;

    @Test
    void everySiteAndThePlatformRequireASecondFactor() {
        var user = testUsers.portalUser("globex");
        assertThat(SignInSteps.password(new Browser(port), "globex", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/globex/login/email");
        assertThat(policy.allSites()).isTrue();
        assertThat(policy.platform()).isTrue();
    }

    @Test
    void noCallCanSwitchItOff() {
        assertThatThrownBy(() -> policy.setAllSites(false, "test")).isInstanceOf(PolicyLockedException.class);
        assertThatThrownBy(() -> policy.setPlatform(false, "test")).isInstanceOf(PolicyLockedException.class);
        long globex = sites.findBySlug("globex").orElseThrow().id();
        assertThatThrownBy(() -> policy.updateSite(globex, MfaMode.OFF, Set.of("email"), null, "test"))
                .isInstanceOf(PolicyLockedException.class);
    }

    @Test
    void theAdminPageShowsTheSwitchesLockedAndRefusesToTurnThemOff() {
        var admin = testUsers.admin();
        Browser browser = new Browser(port);
        var login = browser.get("/admin/login");
        browser.submit(login, "#login-form", Map.of("username", admin.email(), "password", TestUsers.PASSWORD));
        var codePage = browser.get("/admin/login/email");
        browser.submit(codePage, "#code-form", Map.of("code", TestMailServer.awaitCode(admin.email(), 1)));

        var page = browser.get("/admin/login-security");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#mfa-locked")).hasSize(1);
        assertThat(page.document().selectFirst("#allSites").hasAttr("disabled")).isTrue();
        assertThat(page.document().selectFirst("#mode-acme").text())
                .as("no drop-down that reads Optional")
                .isEqualTo("Required (locked)");
        assertThat(page.document().select("#site-policies select[name=mode]"))
                .as("no mode to choose")
                .isEmpty();

        String csrf =
                page.document().selectFirst("#mfa-switches input[name=_csrf]").attr("value");
        var refused = browser.post("/admin/login-security", Map.of("_csrf", csrf));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(policy.allSites()).isTrue();

        var siteOff = browser.post(
                "/admin/login-security/sites/globex", Map.of("_csrf", csrf, "mode", "OFF", "factors", "email"));
        assertThat(siteOff.status()).isEqualTo(409);
        assertThat(siteOff.alerts()).contains("locked on");
        var user = testUsers.portalUser("globex");
        assertThat(SignInSteps.password(new Browser(port), "globex", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/globex/login/email");
    }
}
