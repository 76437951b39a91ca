package dev.latchkey.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.sites.MfaMode;
import dev.latchkey.sites.MfaPolicy;
import dev.latchkey.sites.PhishingResistance;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.SecondStep;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SameSession;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestUsers;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * F-DEVICE and F-ASSURANCE on Login &amp; Security: how long each site (and the admin site) remembers a browser, who
 * must use a passkey, and what each site's second step is worth in plain words, here and on the admin's overview.
 */
@IntegrationTest
class SignInStrengthIntegrationTests {

    private static final String PAGE = "/admin/login-security";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    MfaPolicy policy;

    @Autowired
    Sites sites;

    @Autowired
    JdbcClient jdbc;

    Browser admin;

    @BeforeEach
    void signIn() {
        admin = SignInSteps.admin(port, testUsers.admin().email(), TestUsers.PASSWORD, 1);
    }

    @AfterEach
    void backToTheDemoPolicy() {
        long globex = globex().id();
        policy.updateSite(globex, MfaMode.OPTIONAL, Set.of("email", "totp", "backup"), null, "test");
        policy.updateSignInExtras(globex, Sites.DEFAULT_REMEMBER_DAYS, PhishingResistance.OFF, "test");
        policy.setAdminRememberDays(null, "test");
    }

    @Test
    void aSystemAdminSetsHowLongBrowsersAreRememberedAndWhoMustUseAPasskey() {
        Page page = admin.get(PAGE);
        assertThat(page.document().selectFirst("#remember-globex").attr("value"))
                .isEqualTo("30");
        assertThat(page.document()
                        .selectFirst("#resistance-globex option[selected]")
                        .attr("value"))
                .isEqualTo("OFF");

        Page saved = admin.submit(page, "#policy-globex", globexForm("7", "FLAGGED"));
        assertThat(saved.location()).isEqualTo(PAGE + "?saved");
        SiteView site = globex();
        assertThat(site.rememberDays()).isEqualTo(7);
        assertThat(site.phishingResistant()).isEqualTo(PhishingResistance.FLAGGED);
        SecondStep flagged = policy.decide(site.realm(), true, false);
        assertThat(flagged.phishingResistant()).isTrue();
        assertThat(flagged.required()).isTrue();
        assertThat(flagged.allowedFactors()).contains("passkey");
        assertThat(flagged.rememberFor()).isEqualTo(Duration.ofDays(7));
        SecondStep other = policy.decide(site.realm(), false, false);
        assertThat(other.phishingResistant()).isFalse();
        assertThat(other.required())
                .as("an optional site, a user who did not opt in")
                .isFalse();
        assertThat(audited("remember=7d phishing-resistant=FLAGGED")).isEqualTo(1);

        // the same values again change nothing, and are not audited again
        admin.submit(admin.get(PAGE), "#policy-globex", globexForm("7", "FLAGGED"));
        assertThat(audited("remember=7d phishing-resistant=FLAGGED")).isEqualTo(1);

        admin.submit(admin.get(PAGE), "#policy-globex", globexForm("0", "ALL"));
        assertThat(globex().rememberDays()).as("0 is off").isNull();
        SecondStep everyone = policy.decide(globex().realm(), false, false);
        assertThat(everyone.rememberFor()).isNull();
        assertThat(everyone.phishingResistant()).isTrue();
        assertThat(everyone.required())
                .as("requiring a passkey requires a second step")
                .isTrue();
        assertThat(admin.get(PAGE).document().selectFirst("#remember-globex").attr("value"))
                .isEqualTo("0");
    }

    @Test
    void eachSitesStrengthIsSaidInPlainWordsHereAndOnTheOverview() {
        long globex = globex().id();
        policy.updateSite(globex, MfaMode.REQUIRED, Set.of("totp", "backup"), null, "test");
        assertThat(level(admin.get(PAGE), "#site-assurance")).isEqualTo("multi-factor");
        assertThat(level(admin.get("/admin"), "#assurance-overview")).isEqualTo("multi-factor");
        assertThat(admin.get("/admin")
                        .document()
                        .selectFirst("#assurance-overview [data-site=globex]")
                        .text())
                .contains("fake site can still pass on a code");

        policy.updateSite(globex, MfaMode.REQUIRED, Set.of("email", "totp"), null, "test");
        assertThat(level(admin.get(PAGE), "#site-assurance")).isEqualTo("email-only");
        assertThat(admin.get("/admin")
                        .document()
                        .selectFirst("#assurance-overview [data-site=globex]")
                        .text())
                .contains("does not accept email as a second factor");

        policy.updateSignInExtras(globex, 30, PhishingResistance.ALL, "test");
        assertThat(level(admin.get(PAGE), "#site-assurance")).isEqualTo("phishing-resistant");
        assertThat(level(admin.get("/admin"), "#assurance-overview")).isEqualTo("phishing-resistant");
    }

    @Test
    void theAdminSiteRemembersNoBrowserUntilASystemAdminSaysHowLong() {
        assertThat(policy.decide(Realm.ADMIN, false, false).rememberFor()).isNull();
        Page page = admin.get(PAGE);
        assertThat(page.document().selectFirst("#admin-remember-days").attr("value"))
                .isEqualTo("0");

        admin.submit(page, "#admin-remember-form", Map.of("rememberDays", "14"));
        assertThat(policy.adminRememberDays()).contains(14);
        assertThat(policy.decide(Realm.ADMIN, false, false).rememberFor()).isEqualTo(Duration.ofDays(14));
        assertThat(policy.platform()).as("the switches stay as they were").isTrue();

        Page refused = admin.submit(admin.get(PAGE), "#admin-remember-form", Map.of("rememberDays", "400"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.alerts()).contains("0 (off) to 365 days");
        assertThat(policy.adminRememberDays()).contains(14);

        admin.submit(admin.get(PAGE), "#admin-remember-form", Map.of("rememberDays", "0"));
        assertThat(policy.adminRememberDays()).isEmpty();
    }

    @Test
    void aBadValueIsRefusedClearlyAndChangesNothing() {
        policy.updateSignInExtras(globex().id(), 12, PhishingResistance.FLAGGED, "test");
        for (Map.Entry<String, String> bad : java.util.List.of(
                Map.entry("366", "FLAGGED"),
                Map.entry("-3", "FLAGGED"),
                Map.entry("1e3", "FLAGGED"),
                Map.entry("12", "EVERYONE"),
                Map.entry("12", "off; drop table"))) {
            Page refused = admin.submit(admin.get(PAGE), "#policy-globex", globexForm(bad.getKey(), bad.getValue()));
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(globex().rememberDays()).isEqualTo(12);
            assertThat(globex().phishingResistant()).isEqualTo(PhishingResistance.FLAGGED);
            assertThat(globex().mfaMode()).as("nothing of the row is saved").isEqualTo(MfaMode.OPTIONAL);
        }
    }

    @Test
    void fourSavesAtOnceGiveOneChangeAndOneAuditEntry() {
        Page page = admin.get(PAGE);
        Map.Entry<String, Map<String, String>> form = SameSession.form(page, "#policy-globex", globexForm("9", "ALL"));
        var answers = SameSession.post(
                admin.sessionId().orElseThrow(), form.getKey(), form.getValue(), port, port, port, port);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(302));
        assertThat(globex().rememberDays()).isEqualTo(9);
        assertThat(audited("remember=9d phishing-resistant=ALL")).isEqualTo(1);
    }

    private static Map<String, String> globexForm(String rememberDays, String resistance) {
        return Map.of(
                "mode",
                "OPTIONAL",
                "factors",
                "totp",
                "codeTtlMinutes",
                "5",
                "rememberDays",
                rememberDays,
                "phishingResistant",
                resistance);
    }

    private SiteView globex() {
        return sites.findBySlug("globex").orElseThrow();
    }

    private long audited(String detail) {
        return jdbc.sql("select count(*) from audit_event where type = 'settings.mfa' and detail like ?")
                .param("%" + detail + "%")
                .query(Long.class)
                .single();
    }

    private static String level(Page page, String scope) {
        return page.document()
                .selectFirst(scope + " [data-site=globex] [data-assurance]")
                .attr("data-assurance");
    }
}
