package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.latchkey.shared.web.Languages;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** English and Dutch: the browser's language decides, the switcher overrides and is remembered. */
class LanguageBrowserTests extends BrowserTestSupport {

    @Autowired
    MessageSource messages;

    @Test
    void aDutchBrowserGetsDutchPagesAndADutchCode() {
        UserView user = testUsers.portalUser("acme");
        BrowserContext dutch = newContext(new Browser.NewContextOptions().setLocale("nl-NL"));
        Page nl = dutch.newPage();
        LoginPage login = LoginPage.open(nl, "acme");
        assertThat(nl.locator("html")).hasAttribute("lang", "nl");
        assertThat(nl.locator("#login-form button[type=submit]")).hasText(text("signin.submit", Languages.DUTCH));
        assertThat(nl.locator("#language-switcher [aria-current=true]")).hasText("Nederlands");
        PageAudit.check(nl, "login-nl");

        login.signIn(user.email(), TestUsers.PASSWORD);
        CodePage code = new CodePage(nl, "email");
        assertThat(nl.locator("main h1")).hasText(text("code.title", Languages.DUTCH));
        PageAudit.check(nl, "code-email-nl");
        String subject = text("mail.code.subject", Languages.DUTCH, "Acme Leasing");
        assertThat(TestMailServer.awaitMessage(user.email(), subject)).isNotEmpty();
        code.enter(TestMailServer.awaitCode(user.email(), 1));
        new HomePage(nl, "/sites/acme/");
        PageAudit.check(nl, "home-nl");
        SecurityPage.open(nl, "acme");
        assertThat(nl.locator("#totp-status")).hasText(text("security.status.NOT_SET_UP", Languages.DUTCH));
        PageAudit.check(nl, "security-nl");
        dutch.close();
    }

    @Test
    void theSwitcherChangesTheLanguageAndRemembersIt() {
        LoginPage.open(page, "globex");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        page.locator("#language-switcher [data-lang=nl]").click();
        new LoginPage(page);
        assertThat(page.locator("html")).hasAttribute("lang", "nl");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/sites/globex/login\\?lang=nl$"));

        LoginPage.open(page, "acme");
        assertThat(page.locator("html")).hasAttribute("lang", "nl");
        assertThat(page.locator("main h1")).hasText(text("signin.heading", Languages.DUTCH, "Acme Leasing"));

        page.locator("#language-switcher [data-lang=en]").click();
        new LoginPage(page);
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("main h1")).hasText(text("signin.heading", Locale.ENGLISH, "Acme Leasing"));
    }

    @Test
    void anUnknownLanguageFallsBackToEnglish() {
        BrowserContext french = newContext(new Browser.NewContextOptions().setLocale("fr-FR"));
        Page fr = french.newPage();
        LoginPage.open(fr, "acme");
        assertThat(fr.locator("html")).hasAttribute("lang", "en");
        fr.navigate("/sites/acme/login?lang=xx");
        assertThat(fr.locator("html")).hasAttribute("lang", "en");
        french.close();
    }

    private String text(String key, Locale locale, Object... args) {
        String text = messages.getMessage(key, args, locale);
        assertThat(text)
                .as("%s has a %s text of its own", key, locale)
                .isNotEqualTo(
                        messages.getMessage(key, args, locale == Locale.ENGLISH ? Languages.DUTCH : Locale.ENGLISH));
        return text;
    }
}
