package dev.latchkey.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.latchkey.accounts.Accounts;
import dev.latchkey.mfa.TwoFactorSetup;
import dev.latchkey.mfa.backup.BackupCodes;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.ConfirmationLinks;
import dev.latchkey.test.IndependentTotp;
import dev.latchkey.test.InvitationLinks;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.AdminRole;
import dev.latchkey.users.ContactChanges;
import dev.latchkey.users.Invitations;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page of the portal and the admin site, as each kind of person reaches it, through {@link PageAudit} at a
 * phone's and a desktop's width: the pages of a normal visit, and the pages rendered after a refused form (a wrong
 * password, a wrong code, a wrong authenticator confirmation, a refused admin form), after an action (a notice), and
 * the pages shown only once (backup codes). A page that cannot be reached is a problem too; the walk goes on, and each
 * test fails at its end with every problem of every page it visited. The list is also written to
 * {@code target/screenshots/page-audit-<test>.txt}, beside the screenshots.
 */
class EveryPageBrowserTests extends BrowserTestSupport {

    private static final String ACME = "acme";
    private static final String GLOBEX = "globex";
    private static final Pattern ADMIN_INVITATION =
            Pattern.compile("https?://[^/\\s]+(/admin/invitation/[A-Za-z0-9_-]{43})");

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    Accounts accounts;

    @Autowired
    BackupCodes backupCodes;

    @Autowired
    Invitations invitations;

    @Autowired
    ContactChanges contactChanges;

    @Autowired
    TwoFactorSetup twoFactorSetup;

    private final List<PageAudit.Problem> problems = new ArrayList<>();

    @Test
    void pagesAnyoneSees() {
        visit("index", () -> page.navigate("/"));
        visit("error-404-unknown-site", () -> page.navigate("/sites/no-such-site/login"));
        visit("login-acme", () -> LoginPage.open(page, ACME));
        visit("login-globex", () -> LoginPage.open(page, GLOBEX));
        visit("login-wrong-password", () -> {
            LoginPage.open(page, ACME).signIn("nobody-" + System.nanoTime() + "@acme.test", "not the password");
            assertThat(page.locator("[role=alert]")).isVisible();
        });
        visit("confirm-email-unusable", () -> page.navigate("/sites/acme/confirm-email/" + "x".repeat(43)));
        visit("invitation-unusable", () -> page.navigate("/sites/acme/invitation/" + "x".repeat(43)));
        visit("admin-invitation-unusable", () -> page.navigate("/admin/invitation/" + "x".repeat(43)));
        visit("admin-login", () -> LoginPage.openAdmin(page));
        visit("admin-login-wrong-password", () -> {
            LoginPage.openAdmin(page).signIn("nobody-" + System.nanoTime() + "@admin.test", "not the password");
            assertThat(page.locator("[role=alert]")).isVisible();
        });
        visit("dev-inbox", () -> page.navigate("/dev/inbox"));
        finish("pagesAnyoneSees");
    }

    @Test
    void theSignInStepsOfAUserWithEveryFactor() {
        UserView user = testUsers.portalUser(ACME);
        Realm acme = realm(ACME);
        String secret = testUsers.withAuthenticator(acme, user);
        List<String> codes = backupCodes.generate(acme, user.id(), "test");
        accounts.link(user.id(), accounts.findByNumber("C-10042").orElseThrow().id());
        accounts.link(user.id(), accounts.findByNumber("G-20007").orElseThrow().id());
        clock.advance(Duration.ofSeconds(30)); // the enrolment used this time step

        visit("code-totp", () -> {
            LoginPage.open(page, ACME).signIn(user.email(), TestUsers.PASSWORD);
            new CodePage(page, "totp");
        });
        visit("code-totp-wrong", () -> {
            new CodePage(page, "totp").enter(wrong(IndependentTotp.code(secret, clock.instant())));
            assertThat(new CodePage(page, "totp").alert()).isVisible();
        });
        visit("choose-factor", () -> page.navigate("/sites/acme/login/method"));
        visit("code-email", () -> new ChooseFactorPage(page).choose("email"));
        visit("code-email-wrong", () -> {
            new CodePage(page, "email").enter(wrong(TestMailServer.awaitCode(user.email(), 1)));
            assertThat(new CodePage(page, "email").alert()).isVisible();
        });
        visit("code-backup", () -> new CodePage(page, "email").switchTo("backup"));
        visit("code-backup-wrong", () -> {
            new CodePage(page, "backup").enter("0000-0000");
            assertThat(new CodePage(page, "backup").alert()).isVisible();
        });
        visit("portal-home-with-accounts", () -> {
            new CodePage(page, "backup").enter(codes.get(0));
            new HomePage(page, "/sites/acme/");
        });
        visit("security-enabled", () -> SecurityPage.open(page, ACME));
        visit("security-disable-wrong-code", () -> {
            new SecurityPage(page).disableAuthenticator("000000");
            assertThat(page.locator("[role=alert]")).isVisible();
        });
        visit("security-disabled", () -> {
            new SecurityPage(page).disableAuthenticator(codes.get(1));
            assertThat(new SecurityPage(page).totpStatus()).hasAttribute("data-status", "disabled");
        });
        visit("security-reenable-wrong-code", () -> {
            page.locator("#reenable-code").fill("000000");
            page.locator("#totp-reenable").click();
            assertThat(page.locator("[role=alert]")).isVisible();
        });
        visit("backup-codes", () -> new SecurityPage(page).generateBackupCodes());
        visit("error-404-signed-in", () -> page.navigate("/sites/acme/no-such-page"));
        visit("login-signed-out", () -> {
            SecurityPage.open(page, ACME);
            new HomePage(page, "/sites/acme/account/security").signOut();
            new LoginPage(page);
        });
        finish("theSignInStepsOfAUserWithEveryFactor");
    }

    @Test
    void theFirstVisitsOfNewUsers() {
        UserView user = testUsers.portalUser(ACME);
        visit("code-email-only-factor", () -> {
            LoginPage.open(page, ACME).signIn(user.email(), TestUsers.PASSWORD);
            new CodePage(page, "email");
        });
        visit("portal-home-no-accounts", () -> {
            new CodePage(page, "email").enter(TestMailServer.awaitCode(user.email(), 1));
            new HomePage(page, "/sites/acme/");
        });
        visit("security-not-set-up", () -> SecurityPage.open(page, ACME));
        visit("totp-enrol", () -> new SecurityPage(page).enableAuthenticator());
        visit("totp-enrol-wrong-code", () -> {
            new TotpEnrolPage(page).confirm("000000");
            new TotpEnrolPage(page);
            assertThat(page.locator("[role=alert]")).isVisible();
        });
        signOut();

        UserView forced = testUsers.portalUser(GLOBEX, true);
        BrowserContext other = newContext(new Browser.NewContextOptions());
        Page second = other.newPage();
        visit(second, "forced-setup", () -> {
            LoginPage.open(second, GLOBEX).signIn(forced.email(), TestUsers.PASSWORD);
            new CodePage(second, "email").enter(TestMailServer.awaitCode(forced.email(), 1));
            new TotpEnrolPage(second);
        });
        visit(second, "forced-setup-wrong-code", () -> {
            new TotpEnrolPage(second).confirm("000000");
            new TotpEnrolPage(second);
            assertThat(second.locator("[role=alert]")).isVisible();
        });
        other.close();

        UserView noFactor = testUsers.portalUserWithoutFactor(ACME);
        visit("signin-unavailable", () -> {
            LoginPage.open(page, ACME).signIn(noFactor.email(), TestUsers.PASSWORD);
            assertThat(page).hasURL(Pattern.compile(".*/login/unavailable$"));
        });

        UserView optional = testUsers.portalUser(GLOBEX);
        accounts.link(
                optional.id(), accounts.findByNumber("C-30001").orElseThrow().id());
        visit("portal-home-globex", () -> {
            LoginPage.open(page, GLOBEX).signIn(optional.email(), TestUsers.PASSWORD);
            new HomePage(page, "/sites/globex/");
        });
        visit("security-globex", () -> SecurityPage.open(page, GLOBEX));
        finish("theFirstVisitsOfNewUsers");
    }

    @Test
    void theLinksSentByEmail() {
        UserView user = testUsers.portalUser(ACME);
        String newEmail = "new-" + System.nanoTime() + "@acme.test";
        contactChanges.apply(user.id(), newEmail, null, "test");
        String confirm = ConfirmationLinks.await(newEmail, 1);
        visit("confirm-email", () -> page.navigate(confirm));
        visit("confirm-email-wrong-password", () -> {
            page.locator("#confirm-email-form input[name=password]").fill("not the password");
            page.locator("#confirm-email-form button[type=submit]").click();
            assertThat(page.locator("[role=alert]")).isVisible();
        });

        String invited = "invited-" + System.nanoTime() + "@acme.test";
        invitations.invitePortalUser(realm(ACME), "Invited Person", invited, null, "test");
        String invitation = InvitationLinks.await(invited, 1);
        visit("invitation", () -> page.navigate(invitation));
        visit("invitation-passwords-differ", () -> {
            page.locator("#password").fill("a long new password 42");
            page.locator("#confirmation").fill("another long password 43");
            page.locator("#invitation-form button[type=submit]").click();
            assertThat(page.locator("[role=alert]")).isVisible();
        });
        visit("login-after-invitation", () -> {
            page.locator("#password").fill("a long new password 42");
            page.locator("#confirmation").fill("a long new password 42");
            page.locator("#invitation-form button[type=submit]").click();
            new LoginPage(page);
        });

        String admin = "invited-admin-" + System.nanoTime() + "@admin.test";
        invitations.inviteAdmin("Invited Admin", admin, AdminRole.SITE, Set.of(site(ACME)), "test");
        String adminInvitation = adminInvitation(admin);
        visit("admin-invitation", () -> page.navigate(adminInvitation));
        finish("theLinksSentByEmail");
    }

    @Test
    void everyAdminPageOfASystemAdmin() {
        UserView admin = testUsers.admin();
        visit("admin-code-email", () -> {
            LoginPage.openAdmin(page).signIn(admin.email(), TestUsers.PASSWORD);
            new CodePage(page, "email");
        });
        visit("admin-code-email-wrong", () -> {
            new CodePage(page, "email").enter(wrong(TestMailServer.awaitCode(admin.email(), 1)));
            assertThat(new CodePage(page, "email").alert()).isVisible();
        });
        visit("admin-home", () -> {
            new CodePage(page, "email").enter(TestMailServer.awaitCode(admin.email(), 1));
            new HomePage(page, "/admin/");
        });

        UserView customer = testUsers.portalUser(ACME);
        testUsers.withAuthenticator(realm(ACME), customer); // so that there is a setup to delete
        visit("admin-users", () -> AdminUsersPage.open(page));
        visit("admin-users-without-2fa", () -> AdminUsersPage.open(page).filter2fa("not-activated"));
        visit("admin-users-filtered", () -> {
            page.navigate("/admin/users?site=acme&mfa=activated&q=" + customer.email());
            assertThat(new AdminUsersPage(page).rows()).hasCount(1);
        });
        visit("admin-users-after-2fa-required", () -> {
            new AdminUsersPage(page).toggle2faRequired(customer.email());
        });
        visit("admin-delete-2fa", () -> {
            page.navigate("/admin/users?site=acme&q=" + customer.email());
            new AdminUsersPage(page)
                    .row(customer.email())
                    .locator(".delete-2fa")
                    .click();
            assertThat(page.locator("main form button[type=submit]")).isVisible();
        });
        visit("admin-users-after-delete-2fa", () -> {
            page.locator("main form button[type=submit].danger").click();
            new AdminUsersPage(page);
            assertThat(page.locator("main [role=status]")).isVisible();
        });
        visit("admin-error-400", () -> page.navigate("/admin/users?mfa=bogus"));
        visit("admin-error-404", () -> page.navigate("/admin/users/999999999/delete-2fa"));

        visit("admin-new-user", () -> page.navigate("/admin/users/new"));
        visit("admin-new-user-refused", () -> {
            page.locator("#new-user-form select[name=site]").selectOption(ACME);
            page.locator("#new-user-form input[name=name]").fill("Taken Address");
            page.locator("#new-user-form input[name=email]").fill(customer.email());
            page.locator("#new-user-form button[type=submit]").click();
            assertThat(page.locator("[role=alert]")).isVisible();
        });
        visit("admin-new-user-invited", () -> {
            page.navigate("/admin/users/new");
            page.locator("#new-user-form select[name=site]").selectOption(ACME);
            page.locator("#new-user-form input[name=name]").fill("Invited Person");
            page.locator("#new-user-form input[name=email]").fill("invited-" + System.nanoTime() + "@acme.test");
            page.locator("#new-user-form input[name=phone]").fill("call me at the office");
            page.locator("#new-user-form button[type=submit]").click();
            assertThat(page.locator("main [role=status]")).isVisible();
        });
        visit("admin-new-admin", () -> page.navigate("/admin/admins/new"));
        visit("admin-new-admin-refused", () -> {
            page.locator("#new-admin-form input[name=name]").fill("Taken Admin");
            page.locator("#new-admin-form input[name=email]").fill(admin.email());
            page.locator("#new-admin-form button[type=submit]").click();
            assertThat(page.locator("[role=alert]")).isVisible();
        });

        visit("admin-login-security", () -> LoginSecurityPage.open(page));
        visit("admin-login-security-saved", () -> {
            page.locator("[data-site=globex] button[type=submit]").click();
            assertThat(page.locator("main [role=status]")).isVisible();
        });
        visit("admin-branding-acme", () -> page.navigate("/admin/sites/acme/branding"));
        visit("admin-branding-refused", () -> {
            page.locator("#brand-logo-form input[type=file]")
                    .setInputFiles(new FilePayload(
                            "logo.svg",
                            "image/svg+xml",
                            "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)));
            page.locator("#brand-logo-form button[type=submit]").click();
            assertThat(page.locator("[role=alert]")).isVisible();
        });
        visit("admin-branding-globex", () -> page.navigate("/admin/sites/globex/branding"));

        visit("admin-accounts", () -> page.navigate("/admin/accounts"));
        visit("admin-contacts", () -> page.navigate("/admin/accounts/C-10042/contacts"));
        visit("admin-contact-new", () -> page.navigate("/admin/contacts/new?account=C-10042"));
        visit("admin-contact-new-refused", () -> {
            submitWithoutValidation("#contact-form", Map.of("name", "", "email", "not an address"));
            assertThat(page.locator("[role=alert]")).isVisible();
        });
        visit("admin-contact-edit", () -> {
            page.navigate("/admin/accounts/C-10042/contacts");
            page.locator("main a[href*='/edit']").first().click();
            assertThat(page.locator("#contact-form")).isVisible();
        });

        visit("admin-audit", () -> page.navigate("/admin/audit"));
        visit("admin-audit-filtered", () -> page.navigate("/admin/audit?site=acme&user=" + customer.email()));
        visit("admin-system-settings", () -> page.navigate("/admin/system-settings"));
        visit("admin-system-settings-refused", () -> {
            submitWithoutValidation("#sms-test-form", Map.of("to", "not a number"));
            assertThat(page.locator("[role=alert]")).isVisible();
        });
        visit("admin-system-settings-test-sent", () -> {
            page.navigate("/admin/system-settings");
            page.locator("#sms-test-form input[name=to]").fill("+31 20 123 4567");
            page.locator("#sms-test-form button[type=submit]").click();
            assertThat(page.locator("#sms-test-result")).isVisible();
        });
        visit("admin-api-tokens", () -> page.navigate("/admin/api-tokens"));
        visit("admin-api-tokens-created", () -> {
            page.locator("#token-name").fill("nightly-sync-" + System.nanoTime());
            page.locator("#token-form input[value='contacts:write']").check();
            page.locator("#token-form button[type=submit]").click();
            assertThat(page.locator("#new-token")).isVisible();
        });
        visit("admin-api-tokens-refused", () -> {
            submitWithoutValidation("#token-form", Map.of("name", "not a name"));
            assertThat(page.locator("[role=alert]")).isVisible();
        });

        visit("admin-security", () -> page.navigate("/admin/account/security"));
        visit("admin-totp-enrol", () -> new SecurityPage(page).enableAuthenticator());
        visit("admin-totp-enrol-wrong-code", () -> {
            new TotpEnrolPage(page).confirm("000000");
            assertThat(page.locator("[role=alert]")).isVisible();
        });
        visit("admin-backup-codes", () -> {
            page.navigate("/admin/account/security");
            new SecurityPage(page).generateBackupCodes();
        });
        visit("dev-inbox-with-messages", () -> page.navigate("/dev/inbox"));
        finish("everyAdminPageOfASystemAdmin");
    }

    @Test
    void theAdminPagesOfASiteAdmin() {
        UserView siteAdmin = users.create(
                Realm.ADMIN,
                new NewUser(
                        "site-admin-" + System.nanoTime() + "@admin.test",
                        "Site Admin of Acme",
                        TestUsers.PASSWORD,
                        true,
                        null,
                        false,
                        AdminRole.SITE));
        users.assignSites(siteAdmin.id(), Set.of(site(ACME)));
        visit("site-admin-home", () -> {
            LoginPage.openAdmin(page).signIn(siteAdmin.email(), TestUsers.PASSWORD);
            new CodePage(page, "email").enter(TestMailServer.awaitCode(siteAdmin.email(), 1));
            new HomePage(page, "/admin/");
        });
        visit("site-admin-users", () -> AdminUsersPage.open(page));
        UserView customer = testUsers.portalUser(ACME);
        visit("site-admin-user", () -> page.navigate("/admin/users/" + customer.id()));
        visit("site-admin-login-security", () -> LoginSecurityPage.open(page));
        visit(
                "site-admin-switches-refused",
                () -> postForm("/admin/login-security", Map.of("allSites", "true", "platform", "true")));
        visit("site-admin-accounts", () -> page.navigate("/admin/accounts"));
        visit("site-admin-audit", () -> page.navigate("/admin/audit"));
        visit("site-admin-system-settings", () -> page.navigate("/admin/system-settings"));
        visit("site-admin-new-user", () -> page.navigate("/admin/users/new"));
        visit("site-admin-security", () -> page.navigate("/admin/account/security"));
        finish("theAdminPagesOfASiteAdmin");
    }

    @Test
    void theLongerDutchTextsOnTheBusiestPages() {
        UserView user = testUsers.portalUser(ACME);
        BrowserContext dutch = newContext(new Browser.NewContextOptions().setLocale("nl-NL"));
        Page nl = dutch.newPage();
        visit(nl, "login-wrong-password-nl", () -> {
            LoginPage.open(nl, ACME).signIn(user.email(), "not the password");
            assertThat(nl.locator("[role=alert]")).isVisible();
        });
        visit(nl, "code-email-nl", () -> {
            LoginPage.open(nl, ACME).signIn(user.email(), TestUsers.PASSWORD);
            new CodePage(nl, "email");
        });
        visit(nl, "security-nl", () -> {
            new CodePage(nl, "email").enter(TestMailServer.awaitCode(user.email(), 1));
            SecurityPage.open(nl, ACME);
        });
        visit(nl, "backup-codes-nl", () -> new SecurityPage(nl).generateBackupCodes());
        dutch.close();

        UserView admin = testUsers.admin();
        BrowserContext dutchAdmin = newContext(new Browser.NewContextOptions().setLocale("nl-NL"));
        Page staff = dutchAdmin.newPage();
        visit(staff, "admin-users-nl", () -> {
            LoginPage.openAdmin(staff).signIn(admin.email(), TestUsers.PASSWORD);
            new CodePage(staff, "email").enter(TestMailServer.awaitCode(admin.email(), 1));
            AdminUsersPage.open(staff);
        });
        visit(staff, "admin-login-security-nl", () -> LoginSecurityPage.open(staff));
        visit(staff, "admin-audit-nl", () -> staff.navigate("/admin/audit"));
        visit(staff, "admin-system-settings-nl", () -> staff.navigate("/admin/system-settings"));
        dutchAdmin.close();
        finish("theLongerDutchTextsOnTheBusiestPages");
    }

    /** Later states: the open account menu, a code that waits, the notice after Delete 2FA setup. */
    @Test
    void theNewStatesOfTheSignInAndTheHeader() {
        UserView user = testUsers.portalUser(ACME);
        visit("code-email-first", () -> {
            LoginPage.open(page, ACME).signIn(user.email(), TestUsers.PASSWORD);
            new CodePage(page, "email");
        });
        BrowserContext second = newContext(new Browser.NewContextOptions());
        Page again = second.newPage();
        visit(again, "code-email-waiting", () -> {
            LoginPage.open(again, ACME).signIn(user.email(), TestUsers.PASSWORD);
            assertThat(again.locator("#code-form")).hasAttribute("data-code-state", "waiting");
        });
        visit("code-email-elsewhere", () -> {
            page.reload();
            assertThat(page.locator("#code-form")).hasAttribute("data-code-state", "elsewhere");
        });
        second.close();

        UserView carol = testUsers.portalUser(GLOBEX);
        backupCodes.generate(realm(GLOBEX), carol.id(), "test");
        twoFactorSetup.delete(realm(GLOBEX), carol.id(), "admin@latchkey.test");
        BrowserContext third = newContext(new Browser.NewContextOptions());
        Page other = third.newPage();
        visit(other, "setup-removed", () -> {
            LoginPage.open(other, GLOBEX).signIn(carol.email(), TestUsers.PASSWORD);
            assertThat(other.locator("#setup-removed-notice")).isVisible();
        });
        visit(other, "account-menu-open", () -> {
            other.locator("#setup-removed-continue").click();
            new HomePage(other, "/sites/globex/");
            other.locator("#account-menu summary").click();
            assertThat(other.locator("#menu-security")).isVisible();
        });
        third.close();
        finish("theNewStatesOfTheSignInAndTheHeader");
    }

    // --- the walk

    /** Takes the steps to a page of the test's browser, then audits it. */
    private void visit(String name, Runnable steps) {
        visit(page, name, steps);
    }

    /** Takes the steps to a page, then audits it; steps that fail are a problem too, and the walk goes on. */
    private void visit(Page on, String name, Runnable steps) {
        try {
            steps.run();
        } catch (AssertionError | RuntimeException ex) {
            String message = PageAudit.firstLine(ex);
            problems.add(new PageAudit.Problem(
                    name,
                    PageAudit.path(on.url()),
                    "page",
                    "",
                    "could not get to the page, so it was not audited: "
                            + (message.length() > 240 ? message.substring(0, 240) + "…" : message)));
            return;
        }
        problems.addAll(PageAudit.audit(on, name));
    }

    /** Writes the test's problems beside the screenshots and fails with all of them. */
    private void finish(String test) {
        String report = problems.isEmpty() ? "no problems\n" : PageAudit.report(problems);
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.writeString(SCREENSHOTS.resolve("page-audit-" + test + ".txt"), report);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(report);
        }
    }

    // --- helpers

    private void signOut() {
        page.locator("#account-menu summary").click();
        page.locator("#logout-form button").click();
        new LoginPage(page);
    }

    /** Fills and submits a form of the page as a person with an old browser could: without the browser's checks. */
    private void submitWithoutValidation(String form, Map<String, String> fields) {
        page.locator(form)
                .evaluate(
                        "(form, fields) => { form.noValidate = true;"
                                + " for (const [name, value] of Object.entries(fields)) {"
                                + " form.elements[name].value = value; } }",
                        fields);
        page.locator(form + " [type=submit]").first().click();
    }

    /** Posts a form to the address, with the page's CSRF token: what a stale page or a hand-made form sends. */
    private void postForm(String action, Map<String, String> fields) {
        page.evaluate(
                "([action, fields]) => { const form = document.createElement('form');"
                        + " form.method = 'post'; form.action = action; form.id = 'audit-hand-made-form';"
                        + " const token = document.querySelector('input[name=_csrf]');"
                        + " const all = Object.assign({}, fields, token ? { _csrf: token.value } : {});"
                        + " for (const [name, value] of Object.entries(all)) { const input ="
                        + " document.createElement('input');"
                        + " input.type = 'hidden'; input.name = name; input.value = value; form.appendChild(input); }"
                        + " const send = document.createElement('button'); send.type = 'submit';"
                        + " send.textContent = 'Send';"
                        + " form.appendChild(send); document.body.appendChild(form); }",
                List.of(action, fields));
        // a click waits for the navigation it starts, so the audit sees the answer, not the page that sent it
        page.locator("#audit-hand-made-form button").click();
        page.waitForLoadState();
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private Realm realm(String slug) {
        return sites.findBySlug(slug).orElseThrow().realm();
    }

    private long site(String slug) {
        return sites.findBySlug(slug).orElseThrow().id();
    }

    private static String adminInvitation(String email) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
        while (java.time.Instant.now().isBefore(deadline)) {
            for (var message : TestMailServer.messagesTo(email)) {
                Matcher link = ADMIN_INVITATION.matcher(com.icegreen.greenmail.util.GreenMailUtil.getBody(message));
                if (link.find()) {
                    return link.group(1);
                }
            }
            sleep();
        }
        throw new AssertionError("no admin invitation to " + email + " within 20 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
