package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;

/** Any signed-in page: the top bar with the user's name and the sign-out form {@code #logout-form}. */
final class HomePage {

    private final Page page;

    HomePage(Page page, String path) {
        this.page = page;
        assertThat(page).hasURL(Pattern.compile(".*" + path.replace(".", "\\.") + "$"));
        assertThat(page.locator("#logout-form")).isAttached();
    }

    /** Signs out as a person does: the name in the header opens the account menu, which holds "Sign out". */
    void signOut() {
        page.locator("#account-menu summary").click();
        page.locator("#logout-form button").click();
    }
}
