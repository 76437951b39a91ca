package dev.latchkey.mfa.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Element;
import tools.jackson.databind.json.JsonMapper;

/**
 * The passkey steps as passkey.js takes them: ask for options, let a {@link SoftwareAuthenticator} answer, post the
 * answer as JSON with the page's CSRF token.
 */
public final class PasskeySteps {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PasskeySteps() {}

    /** The options of the ceremony of {@code formSelector} on {@code page}, as JSON. */
    public static String options(Browser browser, Page page, String formSelector) {
        Element form = form(page, formSelector);
        Page options =
                browser.postRaw(form.attr("data-options") + "?_csrf=" + csrf(form), "application/json", new byte[0]);
        assertThat(options.status()).as(options.body()).isEqualTo(200);
        return options.body();
    }

    /** Posts an answer to the action of {@code formSelector} on {@code page}. */
    public static Page answer(Browser browser, Page page, String formSelector, String json) {
        Element form = form(page, formSelector);
        return browser.postRaw(
                form.attr("action") + "?_csrf=" + csrf(form),
                "application/json",
                json.getBytes(StandardCharsets.UTF_8));
    }

    /** Registers a passkey on the Security page of a signed-in browser; answers the response. */
    public static Page register(Browser browser, String slug, SoftwareAuthenticator key, String name) {
        Page security = browser.get("/sites/" + slug + "/account/security");
        String options = options(browser, security, "#passkey-register-form");
        return answer(browser, security, "#passkey-register-form", key.register(options, name));
    }

    /** The second step after the password: the passkey page, answered by {@code key}. */
    public static Page secondStep(Browser browser, String slug, SoftwareAuthenticator key) {
        Page page = browser.get("/sites/" + slug + "/login/passkey");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return answer(browser, page, "#passkey-form", key.sign(options(browser, page, "#passkey-form")));
    }

    /** "Sign in with a passkey" on the login page, answered by {@code key}. */
    public static Page passwordless(Browser browser, String slug, SoftwareAuthenticator key) {
        Page login = browser.get("/sites/" + slug + "/login");
        return answer(
                browser, login, "#passkey-signin-form", key.sign(options(browser, login, "#passkey-signin-form")));
    }

    /** The "redirect" of a JSON answer. */
    public static String redirect(Page answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).as("a JSON answer").startsWith("{");
        return JSON.readTree(answer.body()).get("redirect").asString();
    }

    private static Element form(Page page, String selector) {
        Element form = page.document().selectFirst(selector);
        if (form == null) {
            throw new AssertionError("No " + selector + " on " + page.path() + ":\n" + page.body());
        }
        return form;
    }

    private static String csrf(Element form) {
        return form.selectFirst("input[name=_csrf]").attr("value");
    }
}
