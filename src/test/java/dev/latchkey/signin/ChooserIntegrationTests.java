package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.delivery.sms.SmsProvider;
import dev.latchkey.delivery.sms.SmsSettings;
import dev.latchkey.sites.MfaMode;
import dev.latchkey.sites.MfaPolicy;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * F-LOGIN-3: the chooser offers exactly the right factors for every combination of confirmed email, valid phone, SMS
 * configured and the site allowing SMS; with one factor the sign-in goes straight to it, with none it stops with an
 * explanation.
 */
@IntegrationTest
class ChooserIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    MfaPolicy policy;

    @Autowired
    SmsSettings sms;

    @AfterEach
    void restore() {
        sms.save(SmsProvider.DEV_INBOX, "", "", "", "test");
        policy.updateSite(
                sites.findBySlug("acme").orElseThrow().id(),
                MfaMode.REQUIRED,
                Set.of("passkey", "email", "sms", "totp", "backup"),
                null,
                "test");
    }

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (boolean emailConfirmed : new boolean[] {true, false}) {
            for (boolean phone : new boolean[] {true, false}) {
                for (boolean smsConfigured : new boolean[] {true, false}) {
                    for (boolean siteAllowsSms : new boolean[] {true, false}) {
                        all.add(Arguments.of(emailConfirmed, phone, smsConfigured, siteAllowsSms));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "email confirmed {0}, phone {1}, SMS configured {2}, site allows SMS {3}")
    @MethodSource("combinations")
    void offersExactlyTheFactorsTheUserCanUse(
            boolean emailConfirmed, boolean phone, boolean smsConfigured, boolean siteAllowsSms) {
        sms.save(smsConfigured ? SmsProvider.DEV_INBOX : SmsProvider.NONE, "", "", "", "test");
        policy.updateSite(
                sites.findBySlug("acme").orElseThrow().id(),
                MfaMode.REQUIRED,
                siteAllowsSms ? Set.of("email", "sms", "totp", "backup") : Set.of("email", "totp", "backup"),
                null,
                "test");
        var acme = sites.findBySlug("acme").orElseThrow().realm();
        UserView user = users.create(
                acme,
                new NewUser(
                        "c-" + System.nanoTime() + "@acme.test",
                        "Chooser",
                        TestUsers.PASSWORD,
                        emailConfirmed,
                        phone ? "+31612345678" : null,
                        false,
                        null));

        List<String> expected = new ArrayList<>();
        if (emailConfirmed) {
            expected.add("email");
        }
        if (phone && smsConfigured && siteAllowsSms) {
            expected.add("sms");
        }

        Browser browser = new Browser(port);
        Page afterPassword = SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        switch (expected.size()) {
            case 0 -> assertThat(afterPassword.location()).isEqualTo("/sites/acme/login/unavailable");
            case 1 -> assertThat(afterPassword.location()).isEqualTo("/sites/acme/login/" + expected.get(0));
            default -> {
                assertThat(afterPassword.location()).isEqualTo("/sites/acme/login/method");
                Page chooser = browser.get("/sites/acme/login/method");
                assertThat(chooser.document().select("[data-factor]").eachAttr("data-factor"))
                        .containsExactlyElementsOf(expected);
                Page chosen = browser.submit(chooser, "form", java.util.Map.of("factor", "sms"));
                assertThat(chosen.location()).isEqualTo("/sites/acme/login/sms");
                Page codePage = browser.get("/sites/acme/login/sms");
                assertThat(codePage.document().select("[data-factor=email]"))
                        .as("another method is one click away")
                        .hasSize(1);
            }
        }
    }
}
