package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;

/** Code entry for any factor: {@code form#code-form}, {@code #resend-code}, messages in {@code [role=alert]}. */
final class CodePage {

    private final Page page;
    private final String factor;

    CodePage(Page page, String factor) {
        this.page = page;
        this.factor = factor;
        assertThat(page).hasURL(Pattern.compile(".*/login/" + factor + "(\\?.*)?$"));
        assertThat(page.locator("#code-form")).isVisible();
    }

    Locator codeInput() {
        return page.locator("#code-form input[name=code]");
    }

    void enter(String code) {
        codeInput().fill(code);
        page.locator("#code-form button[type=submit]").click();
    }

    Locator resendButton() {
        return page.locator("#resend-code");
    }

    CodePage resend() {
        resendButton().click();
        return new CodePage(page, factor);
    }

    Locator alert() {
        return page.locator("[role=alert]");
    }

    Locator status() {
        return page.locator("main [role=status]");
    }

    CodePage switchTo(String other) {
        page.locator("main [data-factor=" + other + "]").click();
        return new CodePage(page, other);
    }
}
