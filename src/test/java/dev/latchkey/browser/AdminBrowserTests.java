package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.latchkey.mfa.backup.BackupCodes;
import dev.latchkey.mfa.totp.Authenticators;
import dev.latchkey.mfa.totp.Enrolment;
import dev.latchkey.sites.MfaPolicy;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.IndependentTotp;
import dev.latchkey.test.InvitationLinks;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The admin console in a real Chromium: 2FA required, Delete 2FA setup, the all-sites switch, every admin page. */
class AdminBrowserTests extends BrowserTestSupport {

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    MfaPolicy policy;

    @Autowired
    Authenticators authenticators;

    @Autowired
    BackupCodes backupCodes;

    @AfterEach
    void allSitesOff() {
        policy.setAllSites(false, "test");
    }

    @Test
    void anAdminRequires2faAndDeletesAUsersSetup() {
        UserView user = testUsers.portalUser("acme");
        Realm acme = sites.findBySlug("acme").orElseThrow().realm();
        Enrolment enrolment = authenticators
                .enrolment(user.id(), "Acme Leasing", user.email())
                .orElseThrow();
        assertThat(authenticators.confirm(
                        acme, user.id(), IndependentTotp.code(enrolment.manualKey(), clock.instant())))
                .isTrue();
        backupCodes.generate(acme, user.id(), "test");
        signInAsAdmin();

        AdminUsersPage admin = AdminUsersPage.open(page);
        PageAudit.check(page, "admin-users");
        AdminUsersPage.tablesFit(page);
        admin = admin.search(user.email());
        assertThat(admin.rows()).hasCount(1);
        assertThat(admin.row(user.email())).hasAttribute("data-2fa-status", "activated");
        assertThat(admin.row(user.email()).locator(".require-2fa")).hasAttribute("data-required", "false");

        admin = admin.toggle2faRequired(user.email());
        assertThat(admin.notice()).containsText(user.email());
        assertThat(admin.rows()).hasCount(1); // the search is kept
        assertThat(admin.row(user.email()).locator(".require-2fa")).hasAttribute("data-required", "true");
        assertThat(users.find(user.id()).orElseThrow().mfaRequired()).isTrue();

        admin = admin.delete2fa(user.email());
        assertThat(admin.notice()).containsText(user.email());
        assertThat(admin.rows()).hasCount(1); // the search is kept
        assertThat(admin.row(user.email())).hasAttribute("data-2fa-status", "not-activated");
        assertThat(backupCodes.remaining(user.id())).isZero();
        assertThat(TestMailServer.awaitMessage(user.email(), "two-factor setup"))
                .contains("Acme Leasing");

        admin = admin.filter2fa("not-activated");
        assertThat(admin.row(user.email())).isVisible();
        assertThat(page.locator("tr[data-2fa-status=activated]")).hasCount(0);
    }

    @Test
    void thePageOfAUserShowsTheirSecurityAndItsActionsComeBackToIt() {
        UserView user = testUsers.portalUser("globex");
        Realm globex = sites.findBySlug("globex").orElseThrow().realm();
        backupCodes.generate(globex, user.id(), "test");
        BrowserContext customer = newContext(new Browser.NewContextOptions());
        Page portal = customer.newPage();
        LoginPage.open(portal, "globex").signIn(user.email(), TestUsers.PASSWORD);
        new HomePage(portal, "/sites/globex/");
        signInAsAdmin();

        AdminUsersPage admin = AdminUsersPage.open(page).search(user.email()).openUser(user.email());
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/admin/users/" + user.id() + "$"));
        assertThat(page).hasTitle(user.displayName() + " · Users · Latchkey Admin");
        // backup codes alone: set up by the user, but no authenticator app on, so not "Activated"
        assertThat(page.locator("#user-factors")).hasAttribute("data-2fa-status", "not-activated");
        assertThat(page.locator("#user-factors .own-factors")).containsText("Backup codes");
        assertThat(page.locator("#sessions-table tbody tr")).hasCount(1);
        assertThat(page.locator("#sign-ins-table tr.sign-in").first()).containsText("Signed in");
        PageAudit.check(page, "admin-user");
        AdminUsersPage.tablesFit(page);

        admin = admin.save2faRequired(true);
        assertThat(admin.notice()).containsText(user.email());
        assertThat(admin.required2faCheckbox()).isChecked();
        assertThat(users.find(user.id()).orElseThrow().mfaRequired()).isTrue();
        admin = admin.save2faRequired(false);
        assertThat(admin.required2faCheckbox()).not().isChecked();
        assertThat(users.find(user.id()).orElseThrow().mfaRequired()).isFalse();
        customer.close();
    }

    @Test
    void enablingMfaForAllSitesAsksForACodeOnASiteWhereItWasOptional() {
        UserView carol = testUsers.portalUser("globex");
        BrowserContext customer = newContext(new Browser.NewContextOptions());
        Page portal = customer.newPage();
        LoginPage.open(portal, "globex").signIn(carol.email(), TestUsers.PASSWORD);
        new HomePage(portal, "/sites/globex/").signOut();

        signInAsAdmin();
        LoginSecurityPage security = LoginSecurityPage.open(page);
        assertThat(security.allSites()).not().isChecked();
        PageAudit.check(page, "admin-login-security");
        security = security.saveAllSites(true);
        assertThat(security.notice()).isVisible();
        assertThat(security.allSites()).isChecked();

        LoginPage.open(portal, "globex").signIn(carol.email(), TestUsers.PASSWORD);
        new CodePage(portal, "email").enter(TestMailServer.awaitCode(carol.email(), 1));
        new HomePage(portal, "/sites/globex/");
        customer.close();

        assertThat(LoginSecurityPage.open(page).saveAllSites(false).allSites())
                .not()
                .isChecked();
    }

    @Test
    void everyAdminPageWorksAndAnInvitationSetsAPassword() {
        signInAsAdmin();
        for (String[] each : new String[][] {
            {"/admin/", "admin-home"},
            {"/admin/accounts", "admin-accounts"},
            {"/admin/audit", "admin-audit"},
            {"/admin/system-settings", "admin-system-settings"},
            {"/admin/admins/new", "admin-new-admin"},
            {"/admin/account/security", "admin-security"},
            {"/admin/sites/acme/branding", "admin-branding"}
        }) {
            page.navigate(each[0]);
            assertThat(page.locator("main h1")).isVisible();
            PageAudit.check(page, each[1]);
        }
        page.navigate("/admin/accounts");
        page.locator("main table a").first().click();
        assertThat(page.locator("main h1")).isVisible();
        PageAudit.check(page, "admin-contacts");

        page.navigate("/admin/users/new");
        PageAudit.check(page, "admin-new-user");
        String email = "invited-" + System.nanoTime() + "@acme.test";
        page.locator("#new-user-form select[name=site]").selectOption("acme");
        page.locator("#new-user-form input[name=name]").fill("Invited Person");
        page.locator("#new-user-form input[name=email]").fill(email);
        page.locator("#new-user-form input[name=phone]").fill("020 123 4567");
        page.locator("#new-user-form button[type=submit]").click();
        assertThat(page.locator("main [role=status]")).isVisible();

        BrowserContext invited = newContext(new Browser.NewContextOptions());
        Page invitation = invited.newPage();
        invitation.navigate(InvitationLinks.await(email, 1));
        assertThat(invitation.locator("#invitation-form")).isVisible();
        PageAudit.check(invitation, "invitation");
        invitation.locator("#password").fill("a long new password 42");
        invitation.locator("#confirmation").fill("a long new password 42");
        invitation.locator("#invitation-form button[type=submit]").click();
        LoginPage login = new LoginPage(invitation);
        assertThat(invitation.locator("main [role=status]")).isVisible();
        login.signIn(email, "a long new password 42");
        // the invitation confirmed the email; the phone was normalised: both are factors on Acme
        assertThat(new ChooseFactorPage(invitation).factors()).containsExactly("email", "sms");
        invited.close();
    }

    private void signInAsAdmin() {
        UserView admin = testUsers.admin();
        LoginPage.openAdmin(page).signIn(admin.email(), TestUsers.PASSWORD);
        new CodePage(page, "email").enter(TestMailServer.awaitCode(admin.email(), 1));
        new HomePage(page, "/admin/");
    }
}
