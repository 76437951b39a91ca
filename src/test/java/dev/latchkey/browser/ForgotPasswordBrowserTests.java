package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.users.UserView;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * F-ACCOUNT-1 end to end in Chromium: "Forgot password?" on the sign-in page, the link read from the SMTP server, a
 * refused common password, the new password, and a sign-in that still asks for the second factor.
 */
class ForgotPasswordBrowserTests extends BrowserTestSupport {

    private static final Pattern LINK =
            Pattern.compile("https?://[^/\\s]+(/sites/acme/password-reset/[A-Za-z0-9_-]{43})");

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void freshThrottles() {
        jdbc.sql("delete from reset_throttle").update();
    }

    @Test
    void aForgottenPasswordIsReplacedThroughTheEmailedLinkAndTheSecondFactorStillCounts() {
        UserView user = testUsers.portalUser("acme");
        LoginPage.open(page, "acme");
        page.locator("a#forgot-password").click();
        assertThat(page.locator("#forgot-form")).isVisible();
        PageAudit.check(page, "forgot-password");
        page.locator("#forgot-form input[name=email]").fill(user.email());
        page.locator("#forgot-form button[type=submit]").click();
        assertThat(page.locator("#forgot-sent")).containsText("a link to choose a new password is on its way");
        PageAudit.check(page, "forgot-password-sent");

        page.navigate(awaitLink(user.email()));
        assertThat(page.locator("#reset-form")).isVisible();
        page.locator("#reset-form input[name=password]").fill("qwerty");
        assertThat(page.locator("#password-strength")).containsText("6 of at least 12 characters");
        PageAudit.check(page, "password-reset");
        page.locator("#reset-form input[name=password]").fill("qwerty123456");
        assertThat(page.locator("#password-strength")).containsText("Long enough");
        page.locator("#reset-form input[name=confirm]").fill("qwerty123456");
        page.locator("#reset-form button[type=submit]").click();
        assertThat(page.locator("[role=alert]")).containsText("list of passwords that attackers try first");
        PageAudit.check(page, "password-reset-refused");

        String chosen = "tulips on a rainy tuesday";
        page.locator("#reset-form input[name=password]").fill(chosen);
        page.locator("#reset-form input[name=confirm]").fill(chosen);
        page.locator("#reset-form button[type=submit]").click();
        LoginPage login = new LoginPage(page);
        assertThat(page.locator("[role=status]")).containsText("signed out everywhere");
        PageAudit.check(page, "login-after-reset");

        login.signIn(user.email(), chosen);
        CodePage code = new CodePage(page, "email");
        code.enter(TestMailServer.awaitCode(user.email(), 1));
        assertThat(page.locator("#logout-form")).hasCount(1);

        page.navigate(awaitLink(user.email()));
        assertThat(page.locator("a#reset-again")).isVisible();
        PageAudit.check(page, "password-reset-used");
    }

    private static String awaitLink(String recipient) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (var message : TestMailServer.messagesTo(recipient)) {
                Matcher m = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
                if (m.find()) {
                    return m.group(1);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no reset link to " + recipient);
    }
}
