package dev.latchkey.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The language switcher is on every page, also on a page that answers a form. There it leads to the nearest page a
 * browser can open (nothing the form sent is repeated), and where switching would lose what the user must keep (backup
 * codes, shown once) the page says so first.
 */
@IntegrationTest
class LanguageSwitcherIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Test
    void aFailedSignInShowsTheSwitcherToTheSignInPage() {
        Browser browser = new Browser(port);
        Page failed = SignInSteps.password(browser, "acme", "nobody-" + System.nanoTime() + "@acme.test", "wrong");
        assertThat(failed.isRedirect())
                .as("the sign-in page again, with its message")
                .isFalse();
        assertThat(links(failed)).containsExactly("/sites/acme/login?lang=en", "/sites/acme/login?lang=nl");

        Page dutch = browser.get("/sites/acme/login?lang=nl");
        assertThat(dutch.status()).isEqualTo(200);
        assertThat(dutch.document().selectFirst("html").attr("lang")).isEqualTo("nl");
    }

    @Test
    void aWrongCodeKeepsTheSignInAndSwitchesOnTheCodePage() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        assertThat(SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/email");
        Page wrong = SignInSteps.code(browser, "acme", "email", "000000");
        assertThat(wrong.isRedirect())
                .as("the code page again, with its message")
                .isFalse();
        assertThat(links(wrong)).containsExactly("/sites/acme/login/email?lang=en", "/sites/acme/login/email?lang=nl");

        Page dutch = browser.get("/sites/acme/login/email?lang=nl");
        assertThat(dutch.status())
                .as("the half-finished sign-in is still there")
                .isEqualTo(200);
        assertThat(dutch.document().selectFirst("#code-form")).isNotNull();
        assertThat(dutch.document().selectFirst("html").attr("lang")).isEqualTo("nl");
    }

    @Test
    void theBackupCodesPageWarnsBeforeTheSwitchLeavesIt() {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        SignInSteps.signInWithEmail(browser, "acme", user.email(), TestUsers.PASSWORD, 1);
        Page security = browser.get("/sites/acme/account/security");
        Page codes = browser.submit(security, "form:has(#backup-generate)", Map.of());
        assertThat(codes.document().select(".backup-code")).isNotEmpty();
        assertThat(links(codes))
                .containsExactly("/sites/acme/account/security?lang=en", "/sites/acme/account/security?lang=nl");
        assertThat(codes.document().selectFirst("#language-warning")).isNotNull();
        assertThat(security.document().selectFirst("#language-warning"))
                .as("only where something is lost")
                .isNull();
    }

    @Test
    void aFormsQueryIsNotCarriedIntoTheSwitcher() {
        Browser browser = new Browser(port);
        Page login = browser.get("/sites/acme/login");
        String token =
                login.document().selectFirst("#login-form input[name=_csrf]").attr("value");
        Page failed = browser.post(
                "/sites/acme/login?next=%2F%2Fevil.test",
                Map.of("_csrf", token, "username", "x@acme.test", "password", "wrong"));
        assertThat(links(failed)).allSatisfy(href -> assertThat(href).startsWith("/sites/acme/login?lang="));
    }

    private static List<String> links(Page page) {
        return page.document().select("#language-switcher a").stream()
                .map(a -> a.attr("href"))
                .toList();
    }
}
