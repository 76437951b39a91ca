package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;

/** The password step: {@code form#login-form}. */
final class LoginPage {

    private final Page page;

    LoginPage(Page page) {
        this.page = page;
        assertThat(page.locator("#login-form")).isVisible();
    }

    static LoginPage open(Page page, String slug) {
        page.navigate("/sites/" + slug + "/login");
        return new LoginPage(page);
    }

    static LoginPage openAdmin(Page page) {
        page.navigate("/admin/login");
        return new LoginPage(page);
    }

    void signIn(String username, String password) {
        page.locator("#login-form input[name=username]").fill(username);
        page.locator("#login-form input[name=password]").fill(password);
        page.locator("#login-form button[type=submit]").click();
    }

    String alert() {
        return page.locator("[role=alert]").innerText();
    }
}
