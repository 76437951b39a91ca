package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.latchkey.sites.Sites;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * F-ACCOUNT-2 in a real browser: the Security page's "Change password" section, refused and then done, each page
 * through {@link PageAudit} at a phone's and a desktop's width.
 */
class ChangePasswordBrowserTests extends BrowserTestSupport {

    private static final String START = "amber lantern seven seashell";
    private static final String NEW = "violet tractor under 47 clouds";

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Test
    void aUserChangesTheirPasswordOnTheSecurityPage() {
        var globex = sites.findBySlug("globex").orElseThrow().realm();
        UserView user = users.create(
                globex,
                new NewUser(
                        "pw-" + UUID.randomUUID().toString().substring(0, 12) + "@globex.test",
                        "Test User",
                        START,
                        false,
                        null,
                        false,
                        null));
        LoginPage.open(page, "globex").signIn(user.email(), START);
        new HomePage(page, "/sites/globex/");

        SecurityPage.open(page, "globex");
        assertThat(page.locator("#password-sign-out-others")).isChecked();
        PageAudit.check(page, "security-password");

        fill("not my password", NEW, NEW);
        assertThat(page.locator("#password-error")).isVisible();
        PageAudit.check(page, "security-password-wrong");

        fill(START, NEW, NEW);
        assertThat(page.locator("#password-notice")).containsText("Your password is changed");
        Assertions.assertThat(
                        page.locator("#password-form input[type=password]").all())
                .allSatisfy(input -> Assertions.assertThat(input.inputValue()).isEmpty());
        PageAudit.check(page, "security-password-changed");
        Assertions.assertThat(users.authenticate(globex, user.email(), NEW)).isPresent();
    }

    private void fill(String current, String password, String confirm) {
        page.locator("#current-password").fill(current);
        page.locator("#password").fill(password);
        page.locator("#confirm").fill(confirm);
        page.locator("#password-change").click();
    }
}
