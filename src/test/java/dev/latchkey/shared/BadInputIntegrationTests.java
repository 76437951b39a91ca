package dev.latchkey.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad input anywhere gets a clear 4xx page: never a 500, never a stack trace, nothing changed. */
@IntegrationTest
class BadInputIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Test
    void unknownSiteIsAFriendly404() {
        Page page = new Browser(port).get("/sites/no-such-site/login");
        assertThat(page.status()).isEqualTo(404);
        assertClean(page);
        assertThat(page.alerts()).contains("does not exist");
    }

    @Test
    void aPostWithoutCsrfTokenShowsAClearForbiddenPage() {
        Page page = new Browser(port).post("/sites/acme/login", Map.of("username", "a@b.c", "password", "x"));
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.alerts()).contains("reload the page");
        assertClean(page);
    }

    @Test
    void unknownPagesAre404() {
        assertThat(new Browser(port).get("/no/such/page").status()).isEqualTo(404);
        assertThat(new Browser(port).get("/sites/acme/login/carrier-pigeon").status())
                .isEqualTo(404);
        // the passkey step is a page now: without a login in progress it leads back to the sign-in
        assertThat(new Browser(port).get("/sites/acme/login/passkey").location())
                .isEqualTo("/sites/acme/login?expired");
    }

    @ParameterizedTest
    @ValueSource(strings = {"' OR '1'='1' --", "<script>alert(1)</script>", "%00%27", "alice@acme.test' --"})
    void injectionShapedUsernamesAreJustWrongLogins(String username) {
        Page page = SignInSteps.password(new Browser(port), "acme", username, "demo-password");
        assertThat(page.status()).isEqualTo(401);
        assertThat(page.alerts()).isEqualTo("Incorrect email address or password.");
        assertThat(page.body()).doesNotContain("<script>alert(1)</script>");
        assertClean(page);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"alice@acme.test\u0000", "alice@acme.test\u202e", "ali\u200bce@acme.test", "a\nb@acme.test"})
    void controlAndFormatCharactersInTheUsernameAreA400(String username) {
        Page page = SignInSteps.password(new Browser(port), "acme", username, "demo-password");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.alerts()).contains("not allowed");
        assertClean(page);
    }

    @Test
    void oversizedLoginFieldsAreA400WithAClearMessage() {
        Page page = SignInSteps.password(new Browser(port), "acme", "a".repeat(5000) + "@acme.test", "x");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.alerts()).contains("too long");
        assertClean(page);
    }

    @Test
    void emptyLoginFieldsAreA400WithAClearMessage() {
        Page page = SignInSteps.password(new Browser(port), "acme", " ", "");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.alerts()).contains("Enter your email address and password");
    }

    @Test
    void oversizedOrMalformedCodesAreA400AndDoNotCountAsTries() {
        var user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        String code = TestMailServer.awaitCode(user.email(), 1);
        for (String bad : new String[] {"9".repeat(10_000), "12ab56", "-1", "１２３４５６"}) {
            Page page = SignInSteps.code(browser, "acme", "email", bad);
            assertThat(page.status()).as(bad.length() > 20 ? "long code" : bad).isEqualTo(400);
            assertClean(page);
        }
        assertThat(SignInSteps.code(browser, "acme", "email", code).location()).isEqualTo("/sites/acme/");
    }

    @Test
    void aFactorTheLoginMayNotUseIsNotFound() {
        var user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        assertThat(browser.get("/sites/acme/login/sms").status()).isEqualTo(404);
        assertThat(browser.get("/sites/acme/login/totp").status()).isEqualTo(404);
    }

    @Test
    void malformedAdminPolicyInputIsA400AndChangesNothing() {
        var admin = testUsers.admin();
        Browser browser = new Browser(port);
        var login = browser.get("/admin/login");
        browser.submit(login, "#login-form", Map.of("username", admin.email(), "password", TestUsers.PASSWORD));
        browser.submit(
                browser.get("/admin/login/email"),
                "#code-form",
                Map.of("code", TestMailServer.awaitCode(admin.email(), 1)));
        Page page = browser.get("/admin/login-security");
        assertThat(page.status()).isEqualTo(200);
        String before = page.document().select("[data-site=acme]").outerHtml();

        for (Map<String, String> bad : new Map[] {
            Map.of("mode", "banana", "factors", "email"),
            Map.of("mode", "REQUIRED", "factors", "carrier-pigeon"),
            Map.of("mode", "REQUIRED", "factors", "email", "codeTtlMinutes", "abc"),
            Map.of("mode", "REQUIRED", "factors", "email", "codeTtlMinutes", "999"),
            Map.of("mode", "REQUIRED", "factors", "email", "rememberDays", "366"),
            Map.of("mode", "REQUIRED", "factors", "email", "rememberDays", "-1"),
            Map.of("mode", "REQUIRED", "factors", "email", "rememberDays", "99999999999"),
            Map.of("mode", "REQUIRED", "factors", "email", "phishingResistant", "sometimes"),
            Map.of("mode", "REQUIRED", "factors", "email", "phishingResistant", "")
        }) {
            Page refused = browser.submit(page, "#policy-acme", bad);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertClean(refused);
        }
        String after = browser.get("/admin/login-security")
                .document()
                .select("[data-site=acme]")
                .outerHtml();
        assertThat(after.replaceAll("value=\"[^\"]{40,}\"", ""))
                .isEqualTo(before.replaceAll("value=\"[^\"]{40,}\"", ""));
    }

    private static void assertClean(Page page) {
        assertThat(page.status()).isLessThan(500);
        assertThat(page.body())
                .doesNotContain("Exception")
                .doesNotContain("at dev.latchkey")
                .doesNotContain("org.springframework");
    }
}
