package dev.latchkey.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.latchkey.delivery.sms.SmsProvider;
import dev.latchkey.delivery.sms.SmsSettings;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestTwilio;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Password and email-code sign-in in a real Chromium: by mouse, by keyboard alone, and without JavaScript. */
class SignInBrowserTests extends BrowserTestSupport {

    static final String SID = "AC0123456789abcdef0123456789abcdef";

    @Autowired
    SmsSettings smsSettings;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Test
    void emailCodeSignInReturnsToThePageFirstAskedForAndSignOutEndsTheSession() {
        UserView user = testUsers.portalUser("acme");
        page.navigate("/sites/acme/account/security");
        LoginPage login = new LoginPage(page);
        PageAudit.check(page, "login");
        login.signIn(user.email(), TestUsers.PASSWORD);

        CodePage code = new CodePage(page, "email");
        assertThat(code.codeInput()).isFocused();
        assertThat(code.codeInput()).hasAttribute("inputmode", "numeric");
        assertThat(code.codeInput()).hasAttribute("autocomplete", "one-time-code");
        assertThat(page.locator(".countdown"))
                .hasText(Pattern.compile("^\\([45]:\\d\\d\\)$")); // 5 minutes, counting down
        PageAudit.check(page, "code-email");
        code.enter(TestMailServer.awaitCode(user.email(), 1));

        new SecurityPage(page);
        assertThat(page).hasURL(Pattern.compile(".*/sites/acme/account/security$"));
        new HomePage(page, "/sites/acme/account/security").signOut();
        new LoginPage(page);
        assertThat(page.locator("main [role=status]")).isVisible();

        page.navigate("/sites/acme/");
        new LoginPage(page);
    }

    @Test
    void aWrongCodeIsExplainedAndResendSendsANewCodeThatReplacesTheOldOne() {
        UserView user = testUsers.portalUser("acme");
        LoginPage.open(page, "acme").signIn(user.email(), TestUsers.PASSWORD);
        CodePage code = new CodePage(page, "email");
        String first = TestMailServer.awaitCode(user.email(), 1);
        assertThat(code.resendButton()).isDisabled();

        code.enter(first.equals("000000") ? "111111" : "000000");
        code = new CodePage(page, "email");
        assertThat(code.alert()).isVisible();
        PageAudit.check(page, "code-email-wrong");

        clock.advance(Duration.ofSeconds(31));
        page.reload();
        code = new CodePage(page, "email");
        assertThat(code.resendButton()).isEnabled();
        code = code.resend();
        assertThat(code.status()).isVisible();
        String second = TestMailServer.awaitCode(user.email(), 2);

        code.enter(first);
        code = new CodePage(page, "email");
        assertThat(code.alert()).isVisible();
        code.enter(second);
        new HomePage(page, "/sites/acme/");
    }

    @Test
    void aKeyboardAloneSignsIn() {
        UserView user = testUsers.portalUser("acme");
        page.navigate("/sites/acme/login");
        assertThat(page.locator("#username")).isFocused();
        page.keyboard().type(user.email());
        page.keyboard().press("Tab");
        assertThat(page.locator("#password")).isFocused();
        page.keyboard().type(TestUsers.PASSWORD);
        page.keyboard().press("Enter");

        CodePage code = new CodePage(page, "email");
        assertThat(code.codeInput()).isFocused();
        page.keyboard().type(TestMailServer.awaitCode(user.email(), 1));
        page.keyboard().press("Enter");
        new HomePage(page, "/sites/acme/");
    }

    @Test
    void signInAndOutWorkWithoutJavaScript() {
        UserView user = testUsers.portalUser("acme");
        BrowserContext noScript = newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        Page plain = noScript.newPage();
        LoginPage.open(plain, "acme").signIn(user.email(), TestUsers.PASSWORD);
        CodePage code = new CodePage(plain, "email");
        assertThat(plain.locator("#resend-code")).isVisible();
        code.enter(TestMailServer.awaitCode(user.email(), 1));
        new HomePage(plain, "/sites/acme/").signOut();
        new LoginPage(plain);
        noScript.close();
    }

    @Test
    void theChooserOffersEveryFactorAndAnSmsCodeArrivesThroughTwilio() {
        // a valid Dutch mobile number (06-1…): a number libphonenumber calls invalid is stored blank, and then the
        // chooser is skipped (as TwilioSmsIntegrationTests learned the same way)
        String phone = "+3161" + (1_000_000 + new java.util.Random().nextInt(9_000_000));
        WireMockServer twilio = TestTwilio.server();
        twilio.stubFor(post(urlPathMatching("/2010-04-01/Accounts/" + SID + "/Messages.json"))
                .withRequestBody(containing(java.net.URLEncoder.encode(phone, java.nio.charset.StandardCharsets.UTF_8)))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":\"queued\"}")));
        smsSettings.save(SmsProvider.TWILIO, SID, "twilio-auth-token-for-the-browser", "+3197010250000", "test");
        try {
            Realm acme = sites.findBySlug("acme").orElseThrow().realm();
            UserView user = users.create(
                    acme,
                    new NewUser(
                            "sms-" + System.nanoTime() + "@acme.test",
                            "Sms User",
                            TestUsers.PASSWORD,
                            true,
                            phone,
                            false,
                            null));
            LoginPage.open(page, "acme").signIn(user.email(), TestUsers.PASSWORD);
            ChooseFactorPage choose = new ChooseFactorPage(page);
            assertThat(choose.factors()).containsExactly("email", "sms");
            CodePage code = choose.choose("sms");
            assertThat(page.locator("main")).containsText("•••• " + phone.substring(phone.length() - 4));
            PageAudit.check(page, "code-sms");

            Matcher webOtp = Pattern.compile("\\n@localhost #(\\d{6})$").matcher(awaitSms(twilio, phone));
            assertThat(webOtp.find()).as("the SMS ends with the WebOTP line").isTrue();
            code.enter(webOtp.group(1));
            new HomePage(page, "/sites/acme/");
        } finally {
            smsSettings.save(SmsProvider.DEV_INBOX, "", "", "", "test");
        }
    }

    private static String awaitSms(WireMockServer twilio, String phone) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
        while (java.time.Instant.now().isBefore(deadline)) {
            for (LoggedRequest request : twilio.findAll(postRequestedFor(urlPathMatching(".*/Messages.json")))) {
                String body =
                        java.net.URLDecoder.decode(request.getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8);
                if (body.contains("To=" + phone)) {
                    return body.substring(body.indexOf("Body=") + 5).split("&", 2)[0];
                }
            }
            pause();
        }
        throw new AssertionError("no SMS to " + phone + " reached the Twilio double within 20 s");
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
