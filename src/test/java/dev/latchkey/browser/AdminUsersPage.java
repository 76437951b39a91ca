package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Admin → Users: rows {@code tr[data-username]} with {@code data-2fa-status}; {@code .require-2fa} (its
 * {@code data-required} is the user's flag), {@code .delete-2fa}; a user's name opens their page.
 */
final class AdminUsersPage {

    private final Page page;

    AdminUsersPage(Page page) {
        this.page = page;
        assertThat(page.locator("#users-filter")).isVisible();
    }

    static AdminUsersPage open(Page page) {
        page.navigate("/admin/users");
        return new AdminUsersPage(page);
    }

    AdminUsersPage search(String text) {
        page.locator("#users-filter input[name=q]").fill(text);
        page.locator("#users-filter button[type=submit]").click();
        return new AdminUsersPage(page);
    }

    AdminUsersPage filter2fa(String status) {
        page.locator("#users-filter select[name=mfa]").selectOption(status);
        page.locator("#users-filter button[type=submit]").click();
        return new AdminUsersPage(page);
    }

    Locator row(String email) {
        return page.locator("tr[data-username='" + email + "']");
    }

    Locator rows() {
        return page.locator("tr[data-username]");
    }

    AdminUsersPage toggle2faRequired(String email) {
        row(email).locator(".require-2fa").click();
        return new AdminUsersPage(page);
    }

    AdminUsersPage delete2fa(String email) {
        row(email).locator(".delete-2fa").click();
        assertThat(page.locator("main form button[type=submit]")).isVisible();
        PageAudit.check(page, "admin-delete-2fa");
        page.locator("main form button[type=submit].danger").click();
        return new AdminUsersPage(page);
    }

    Locator notice() {
        return page.locator("main [role=status]");
    }

    /** Opens the page of the user by clicking their name. */
    AdminUsersPage openUser(String email) {
        row(email).locator("a.user-link").click();
        assertThat(page.locator("#user-2fa")).isVisible();
        return this;
    }

    /** On the page of a user: ticks or clears "2FA required" and saves; the page comes back. */
    AdminUsersPage save2faRequired(boolean required) {
        page.locator("#mfa-required").setChecked(required);
        page.locator("#mfa-required-form button[type=submit]").click();
        assertThat(page.locator("#user-2fa")).isVisible();
        return this;
    }

    Locator required2faCheckbox() {
        return page.locator("#mfa-required");
    }

    /**
     * On a phone and on a desktop, no table box scrolls sideways: on a phone wide tables turn into cards (F-ADMIN-2:
     * the Users table had 578 px of content in a 308 px box, which the page-wide overflow check cannot see).
     */
    static void tablesFit(Page page) {
        var before = page.viewportSize();
        try {
            for (var size : java.util.List.of(PageAudit.PHONE, PageAudit.DESKTOP)) {
                page.setViewportSize(size.width, size.height);
                Object widest = page.evaluate("() => Math.max(0, ...[...document.querySelectorAll("
                        + "'main .table-wrap')].map(w => w.scrollWidth - w.clientWidth))");
                org.assertj.core.api.Assertions.assertThat(((Number) widest).intValue())
                        .as("%s: a table scrolls sideways at %d px", page.url(), size.width)
                        .isLessThanOrEqualTo(0);
            }
        } finally {
            page.setViewportSize(before.width, before.height);
        }
    }
}
