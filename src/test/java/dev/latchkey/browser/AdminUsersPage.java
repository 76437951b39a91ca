package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Admin → Users: rows {@code tr[data-username]} with {@code data-2fa-status}; {@code .require-2fa}, {@code .delete-2fa}. */
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
}
