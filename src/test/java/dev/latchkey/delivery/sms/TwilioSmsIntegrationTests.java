package dev.latchkey.delivery.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestTwilio;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** SMS codes through Twilio's official SDK, against a local WireMock double of Twilio's API. */
@IntegrationTest
class TwilioSmsIntegrationTests {

    static final String SID = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "twilio-auth-token-never-shown-42";
    static final String FROM = "+3197010250000";
    static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    SmsSettings settings;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    TestUsers testUsers;

    WireMockServer twilio = TestTwilio.server();
    UserView user;
    /** A phone of this test alone: retries of another test's message must not be counted here. */
    String phone;

    @BeforeEach
    void twilioConfigured() {
        quietEarlierMessages();
        twilio.resetAll();
        settings.save(SmsProvider.TWILIO, SID, TOKEN, FROM, "test");
        Realm acme = sites.findBySlug("acme").orElseThrow().realm();
        // a valid Dutch mobile number (06-1…): "Send test SMS" refuses numbers that libphonenumber calls invalid, and
        // some of 06-0…/06-6…/06-7… are, which made the test fail now and then
        phone = "+3161" + (1_000_000 + new java.util.Random().nextInt(9_000_000));
        user = users.create(
                acme,
                new NewUser(
                        "sms-" + System.nanoTime() + "@acme.test",
                        "Sms User",
                        TestUsers.PASSWORD,
                        false,
                        phone,
                        false,
                        null));
    }

    /**
     * Gives up every SMS that earlier tests left to be retried, and waits for any send in flight to finish: otherwise
     * their failures against the reset Twilio double note newer "last errors" than the ones this test reads.
     */
    private void quietEarlierMessages() {
        String giveUp = "update outbox_message set status = 'FAILED', body = null, last_error = 'test: given up'"
                + " where channel = 'SMS' and status = 'PENDING'";
        jdbc.sql(giveUp).update();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline
                && jdbc.sql("select count(*) from outbox_message where" + " channel = 'SMS' and status = 'PENDING'")
                                .query(Long.class)
                                .single()
                        > 0) {
            pause(100);
            jdbc.sql(giveUp).update();
        }
        pause(300); // a send claimed before the update records its failure within this
    }

    @AfterEach
    void backToTheDevInbox() {
        settings.save(SmsProvider.DEV_INBOX, "", "", "", "test");
    }

    @Test
    void signInSendsTheCodeThroughTwilioWithTheRightPathAuthAndForm() {
        twilio.stubFor(forMyPhone().willReturn(created()));
        Browser browser = new Browser(port);
        assertThat(SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD)
                        .location())
                .as("unconfirmed email, valid phone: SMS is the only factor")
                .isEqualTo("/sites/acme/login/sms");

        LoggedRequest request = awaitRequests(1).get(0);
        String basic = Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + basic);
        Map<String, String> form = form(request.getBodyAsString());
        assertThat(form).containsEntry("To", phone).containsEntry("From", FROM);
        String body = form.get("Body");
        assertThat(body).contains("Acme Leasing").contains("min");
        Matcher webOtp = Pattern.compile("\\n@localhost #(\\d{6})$").matcher(body);
        assertThat(webOtp.find()).as("WebOTP line at the end: %s", body).isTrue();

        Page codePage = browser.get("/sites/acme/login/sms");
        assertThat(codePage.document().select("#resend-code")).hasSize(1);
        assertThat(codePage.body())
                .contains("+31 •••• " + phone.substring(phone.length() - 4))
                .doesNotContain(phone);
        Page done = browser.submit(codePage, "#code-form", Map.of("code", webOtp.group(1)));
        assertThat(done.location()).isEqualTo("/sites/acme/");
    }

    @Test
    void anInvalidNumberIsAClearFailureOnTheCodePageAndIsNotRetried() throws Exception {
        twilio.stubFor(forMyPhone()
                .willReturn(twilioError(400, 21211, "The 'To' number +31612345678 is not a valid phone number.")));
        Browser browser = new Browser(port);
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        Page page = awaitAlert(browser, "could not send the SMS");
        assertThat(page.alerts())
                .contains("We could not send the SMS to +31 •••• " + phone.substring(phone.length() - 4))
                .contains("The number may be wrong, or the phone switched off or out of reach")
                .doesNotContain("spam")
                .doesNotContain("email");
        assertThat(page.document().select("[data-factor=email]"))
                .as("this user has no email factor")
                .isEmpty();
        Thread.sleep(1500);
        assertThat(mine(twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))))).hasSize(1);
    }

    @Test
    void whenTheSmsCannotBeSentTheCodePageOffersTheEmailCodeWhichArrivesAtOnce() {
        UserView both = users.create(
                sites.findBySlug("acme").orElseThrow().realm(),
                new NewUser(
                        "sms-email-" + System.nanoTime() + "@acme.test",
                        "Both",
                        TestUsers.PASSWORD,
                        true,
                        phone,
                        false,
                        null));
        twilio.stubFor(forMyPhone().willReturn(twilioError(400, 21614, "The 'To' number is not a mobile number.")));
        Browser browser = new Browser(port);
        assertThat(SignInSteps.password(browser, "acme", both.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/method");
        assertThat(browser.submit(browser.get("/sites/acme/login/method"), "form", Map.of("factor", "sms"))
                        .location())
                .isEqualTo("/sites/acme/login/sms");
        Page page = awaitAlert(browser, "could not send the SMS");
        assertThat(page.document().select("main [data-factor=email]"))
                .as("one way to email, in the alert")
                .hasSize(1);
        assertThat(page.document().select("#delivery-problem #email-instead").text())
                .isEqualTo("Get the code by email instead");

        Page switched = browser.submit(page, "form:has(#email-instead)", Map.of("factor", "email"));
        assertThat(switched.location()).isEqualTo("/sites/acme/login/email");
        Page emailPage = browser.get("/sites/acme/login/email");
        assertThat(emailPage.document().selectFirst("#code-form").attr("data-code-state"))
                .as("an SMS that never went out does not hold the email back")
                .isEqualTo("live");
        String code = TestMailServer.awaitCode(both.email(), 1);
        assertThat(SignInSteps.code(browser, "acme", "email", code).location()).isEqualTo("/sites/acme/");
    }

    @Test
    void aTwilioThatRefusesTheCredentialsStaysConfiguredAndSystemSettingsShowItsLastErrorSafely() {
        twilio.stubFor(forMyPhone().willReturn(twilioError(401, 20003, "Authenticate " + TOKEN + " " + phone)));
        Browser browser = new Browser(port);
        assertThat(SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD)
                        .location())
                .as("a failing Twilio still counts as configured")
                .isEqualTo("/sites/acme/login/sms");
        assertThat(awaitAlert(browser, "could not send the SMS").alerts()).contains("could not send the SMS");
        assertThat(settings.configured()).isTrue();

        Browser admin = SignInSteps.admin(port, testUsers.admin().email(), TestUsers.PASSWORD, 1);
        Page result = null;
        for (int tries = 0; tries < 5; tries++) {
            // other tests' messages may still be retried in the background and note their own last error meanwhile
            result = admin.submit(admin.get("/admin/system-settings"), "#sms-test-form", Map.of("to", phone));
            if (result.document().select("#sms-last-error").text().contains("20003")) {
                break;
            }
        }
        var lastError = result.document().selectFirst("#sms-last-error");
        assertThat(lastError.text())
                .contains("Last delivery error:")
                .contains("UTC")
                .contains("Twilio refused the client id or client secret.")
                .contains("(HTTP 401, Twilio error 20003)")
                .contains("No SMS has gone out since");
        assertThat(lastError.selectFirst("time").attr("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(lastError.outerHtml())
                .as("a safe summary, never the provider's text")
                .doesNotContain(TOKEN)
                .doesNotContain(phone)
                .doesNotContain("Authenticate");

        twilio.stubFor(forMyPhone().willReturn(created()));
        Page fixed = null;
        for (int tries = 0; tries < 40; tries++) {
            // as above: a message of another test retried in the background (with growing waits, until it gives up)
            // may note a newer error meanwhile; give it up to 20 s to stop
            fixed = admin.submit(admin.get("/admin/system-settings"), "#sms-test-form", Map.of("to", phone));
            if (fixed.document().selectFirst("#sms-last-error").text().contains("An SMS has gone out since")) {
                break;
            }
            pause(500);
        }
        assertThat(fixed.document().selectFirst("#sms-last-error").text()).contains("An SMS has gone out since");
    }

    @Test
    void throttlingIsRetriedUntilTwilioTakesTheMessage() {
        twilio.stubFor(forMyPhone()
                .inScenario("busy")
                .whenScenarioStateIs("Started")
                .willReturn(twilioError(429, 20429, "Too Many Requests"))
                .willSetStateTo("ok"));
        twilio.stubFor(forMyPhone().inScenario("busy").whenScenarioStateIs("ok").willReturn(created()));
        Browser browser = new Browser(port);
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        List<LoggedRequest> requests = awaitRequests(2);
        assertThat(requests).hasSizeGreaterThanOrEqualTo(2);
        Page page = browser.get("/sites/acme/login/sms");
        assertThat(page.alerts()).doesNotContain("could not send").doesNotContain("not gone out");
    }

    @Test
    void serverErrorsAreRetriedAndShownAsDelayedMeanwhile() {
        twilio.stubFor(forMyPhone().willReturn(twilioError(500, 20500, "Internal Server Error")));
        Browser browser = new Browser(port);
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        Page page = awaitAlert(browser, "keep trying");
        assertThat(page.alerts())
                .contains("has not gone out yet; we keep trying")
                .doesNotContain("spam");
        assertThat(page.document().select("[data-factor], #resend-code")).isNotEmpty();
    }

    private List<LoggedRequest> awaitRequests(int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<LoggedRequest> requests = mine(twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))));
        while (requests.size() < count && Instant.now().isBefore(deadline)) {
            sleep();
            requests = mine(twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))));
        }
        assertThat(requests).hasSizeGreaterThanOrEqualTo(count);
        return requests;
    }

    /** A stub for this test's messages only: scenario state is global and other tests' retries must not touch it. */
    private com.github.tomakehurst.wiremock.client.MappingBuilder forMyPhone() {
        return post(urlEqualTo(MESSAGES))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "To=" + java.net.URLEncoder.encode(phone, StandardCharsets.UTF_8)));
    }

    private List<LoggedRequest> mine(List<LoggedRequest> requests) {
        return requests.stream()
                .filter(r -> phone.equals(form(r.getBodyAsString()).get("To")))
                .toList();
    }

    private Page awaitAlert(Browser browser, String text) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Page page = browser.get("/sites/acme/login/sms");
        while (!page.alerts().contains(text) && Instant.now().isBefore(deadline)) {
            sleep();
            page = browser.get("/sites/acme/login/sms");
        }
        return page;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created() {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":\"queued\"}");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder twilioError(
            int status, int code, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":"
                        + "\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
