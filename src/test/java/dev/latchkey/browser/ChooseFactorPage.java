package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;

/** "Choose verification method": one button per factor, {@code [data-factor]}. */
final class ChooseFactorPage {

    private final Page page;

    ChooseFactorPage(Page page) {
        this.page = page;
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login/method$"));
    }

    List<String> factors() {
        return page.locator("main [data-factor]").all().stream()
                .map(b -> b.getAttribute("data-factor"))
                .toList();
    }

    CodePage choose(String factor) {
        page.locator("main [data-factor=" + factor + "]").click();
        return new CodePage(page, factor);
    }
}
