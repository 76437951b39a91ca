package dev.latchkey.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.delivery.sms.SmsProvider;
import dev.latchkey.delivery.sms.SmsSettings;
import dev.latchkey.sites.Realm;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestTwilio;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.AdminRole;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** F-ADMIN-4: System settings for SMS, the write-only secret, and Send test SMS. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SystemSettingsIntegrationTests {

    static final String SECRET = "s3cr3t-twilio-token-0123456789abcdef";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Autowired
    SmsSettings settings;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToTheDevInbox() {
        settings.save(SmsProvider.DEV_INBOX, "", "", "", "test");
    }

    @Test
    void theClientSecretIsWriteOnlyEncryptedAndNeverLoggedOrShown(CapturedOutput output) {
        TestTwilio.server()
                .stubFor(post(urlMatching("/2010-04-01/Accounts/.*/Messages.json"))
                        .willReturn(aResponse()
                                .withStatus(201)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"sid\":\"SM1\",\"status\":\"queued\"}")));
        Browser admin = signedInAdmin(testUsers.admin());
        Page page = admin.get("/admin/system-settings");
        Page saved = admin.submit(
                page,
                "#sms-settings-form",
                Map.of(
                        "provider",
                        "TWILIO",
                        "clientId",
                        "AC0123456789abcdef0123456789abcdef",
                        "clientSecret",
                        SECRET,
                        "fromNumber",
                        "+31 970 1025 0000"));
        assertThat(saved.location()).isEqualTo("/admin/system-settings?saved");

        Page again = admin.get("/admin/system-settings");
        assertThat(again.body()).doesNotContain(SECRET);
        assertThat(again.document().selectFirst("#clientSecret").attr("value")).isEmpty();
        assertThat(again.document().selectFirst("#fromNumber").attr("value")).isEqualTo("+3197010250000");
        assertThat(again.document().selectFirst("#sms-provider").text()).isEqualTo("Twilio");

        Page kept = admin.submit(
                again,
                "#sms-settings-form",
                Map.of(
                        "provider",
                        "TWILIO",
                        "clientId",
                        "AC0123456789abcdef0123456789abcdef",
                        "clientSecret",
                        "",
                        "fromNumber",
                        "+3197010250000"));
        assertThat(kept.location()).as("a blank secret keeps the stored one").isEqualTo("/admin/system-settings?saved");

        Page tested =
                admin.submit(admin.get("/admin/system-settings"), "#sms-test-form", Map.of("to", "+31 6 1234 5678"));
        assertThat(tested.status()).isEqualTo(200);
        assertThat(tested.document().selectFirst("#sms-test-result").text())
                .contains("+31612345678")
                .contains("Twilio accepted");
        assertThat(tested.body()).doesNotContain(SECRET);

        String stored = jdbc.sql("select setting from system_setting where name = 'sms.twilio.client-secret'")
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(SECRET).startsWith("test:");
        assertThat(jdbc.sql("select detail from audit_event where type = 'settings.sms'")
                        .query(String.class)
                        .list())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d).doesNotContain(SECRET));
        assertThat(output.getAll()).doesNotContain(SECRET);
    }

    @Test
    void aFailingTestSmsShowsTwilioAnswer() {
        TestTwilio.server()
                .stubFor(post(urlMatching("/2010-04-01/Accounts/.*/Messages.json"))
                        .willReturn(aResponse()
                                .withStatus(401)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}")));
        settings.save(SmsProvider.TWILIO, "AC0123456789abcdef0123456789abcdef", "wrong", "+3197010250000", "test");
        Browser admin = signedInAdmin(testUsers.admin());
        Page tested = admin.submit(admin.get("/admin/system-settings"), "#sms-test-form", Map.of("to", "+31612345678"));
        assertThat(tested.status()).isEqualTo(502);
        assertThat(tested.alerts()).contains("failed").contains("401");
    }

    @Test
    void badInputIsA400AndChangesNothing() {
        Browser admin = signedInAdmin(testUsers.admin());
        Page page = admin.get("/admin/system-settings");
        for (Map<String, String> bad : new Map[] {
            Map.of("provider", "CARRIER_PIGEON"),
            Map.of("provider", "TWILIO", "clientId", "AC0123456789abcdef", "clientSecret", "x", "fromNumber", "12"),
            Map.of("provider", "TWILIO", "clientId", "not valid!", "clientSecret", "x", "fromNumber", "+3197010250000"),
            Map.of("provider", "TWILIO", "clientId", "", "clientSecret", "", "fromNumber", "")
        }) {
            Page refused = admin.submit(page, "#sms-settings-form", bad);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.alerts()).isNotEmpty();
        }
        assertThat(settings.provider()).isEqualTo(SmsProvider.DEV_INBOX);
        Page badTest = admin.submit(page, "#sms-test-form", Map.of("to", "call me maybe"));
        assertThat(badTest.status()).isEqualTo(400);
    }

    @Test
    void siteAdminsCannotSeeOrChangeSystemSettings() {
        UserView siteAdmin = users.create(
                Realm.ADMIN,
                new NewUser(
                        "site-" + System.nanoTime() + "@admin.test",
                        "Site Admin",
                        TestUsers.PASSWORD,
                        true,
                        null,
                        false,
                        AdminRole.SITE));
        Browser admin = signedInAdmin(siteAdmin);
        assertThat(admin.get("/admin/system-settings").status()).isEqualTo(403);
    }

    private Browser signedInAdmin(UserView admin) {
        return SignInSteps.admin(port, admin.email(), TestUsers.PASSWORD, 1);
    }
}
