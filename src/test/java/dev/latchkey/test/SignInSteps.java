package dev.latchkey.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.Browser.Page;
import java.util.Map;

/** The steps of a sign-in as a person takes them, for tests that need to get past them. */
public final class SignInSteps {

    private SignInSteps() {}

    /** Opens the site's login page and submits the password; answers the response to the POST. */
    public static Page password(Browser browser, String slug, String email, String password) {
        Page login = browser.get("/sites/" + slug + "/login");
        assertThat(login.status()).isEqualTo(200);
        return browser.submit(login, "#login-form", Map.of("username", email, "password", password));
    }

    /** Signs in with password and the n-th emailed code; asserts the home page is reached. */
    public static void signInWithEmail(Browser browser, String slug, String email, String password, int nthCode) {
        String next = password(browser, slug, email, password).location();
        if (next.equals("/sites/" + slug + "/login/method")) {
            next = browser.submit(browser.get(next), "form", java.util.Map.of("factor", "email"))
                    .location();
        }
        assertThat(next).isEqualTo("/sites/" + slug + "/login/email");
        String code = TestMailServer.awaitCode(email, nthCode);
        assertThat(code(browser, slug, "email", code).location()).isEqualTo("/sites/" + slug + "/");
    }

    /** Signs an admin in with password and the n-th emailed code (platform logins need MFA by default). */
    public static Browser admin(int port, String email, String password, int nthCode) {
        Browser browser = new Browser(port);
        browser.submit(
                browser.get("/admin/login"), "#login-form", java.util.Map.of("username", email, "password", password));
        Page done = browser.submit(
                browser.get("/admin/login/email"),
                "#code-form",
                java.util.Map.of("code", TestMailServer.awaitCode(email, nthCode)));
        assertThat(done.location()).isEqualTo("/admin/");
        return browser;
    }

    /** Submits a code on the code page of the given factor; answers the response to the POST. */
    public static Page code(Browser browser, String slug, String factor, String code) {
        Page page = browser.get("/sites/" + slug + "/login/" + factor);
        assertThat(page.status()).as("code page of %s", factor).isEqualTo(200);
        return browser.submit(page, "#code-form", Map.of("code", code));
    }
}
