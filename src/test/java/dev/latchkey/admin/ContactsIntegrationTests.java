package dev.latchkey.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.accounts.AccountKind;
import dev.latchkey.accounts.AccountView;
import dev.latchkey.accounts.Accounts;
import dev.latchkey.accounts.ContactView;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.InvitationLinks;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.AdminRole;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * F-CONTACT on the admin site: contact persons listed, added and edited; promoted to portal users with an invitation;
 * later edits applied to the user; phones read per site with a warning when they cannot be read.
 */
@IntegrationTest
class ContactsIntegrationTests {

    static final String NEW_PASSWORD = "my own portal password";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    TestUsers testUsers;

    @Test
    void promotionCreatesAnInvitedUserWithTheNormalisedPhoneWhoCanThenSignIn() {
        AccountView account = account();
        ContactView contact = accounts.addContact(account.id(), "Daan Jansen", email(), "020 123 4567");
        Browser admin = signedInAdmin();

        Page page = admin.get(contactsPath(account));
        assertThat(page.status()).isEqualTo(200);
        assertThat(row(page, contact).select("[data-site=acme] .phone-e164").text())
                .isEqualTo("+31201234567");
        assertThat(row(page, contact)
                        .select("[data-site=globex] .phone-warning")
                        .text())
                .contains("Cannot be read");

        Page promoted = promote(admin, page, contact, "acme");
        assertThat(promoted.location()).isEqualTo(contactsPath(account));
        Page after = admin.get(promoted.location());
        assertThat(after.document().select("#notice").text())
                .contains(contact.email())
                .contains("Acme Leasing");
        assertThat(after.alerts()).isEmpty();

        UserView user = users.findByEmail(acme(), contact.email()).orElseThrow();
        assertThat(user.phone()).isEqualTo("+31201234567");
        assertThat(user.emailConfirmed()).isFalse();
        assertThat(user.displayName()).isEqualTo("Daan Jansen");
        assertThat(accounts.findContact(contact.id()).orElseThrow().portalUserId())
                .isEqualTo(user.id());
        assertThat(accounts.linkedTo(user.id())).extracting(AccountView::number).containsExactly(account.number());
        assertThat(row(after, contact).select(".user-status").text()).contains("Invited");

        Page unconfirmed = SignInSteps.password(new Browser(port), "acme", contact.email(), "no password yet!");
        assertThat(unconfirmed.status()).isEqualTo(401);

        String link = InvitationLinks.await(contact.email(), 1);
        assertThat(link).startsWith("/sites/acme/invitation/");
        Browser person = new Browser(port);
        Page set = person.submit(
                person.get(link), "#invitation-form", InvitationLinks.passwords(NEW_PASSWORD, NEW_PASSWORD));
        assertThat(set.location()).isEqualTo("/sites/acme/login?passwordSet");
        // confirmed email and a valid phone: the chooser offers both (an unconfirmed email would not be there)
        Browser signIn = new Browser(port);
        assertThat(SignInSteps.password(signIn, "acme", contact.email(), NEW_PASSWORD)
                        .location())
                .isEqualTo("/sites/acme/login/method");
        assertThat(signIn.get("/sites/acme/login/method")
                        .document()
                        .select("[data-factor]")
                        .eachAttr("data-factor"))
                .containsExactly("email", "sms");
        assertThat(row(admin.get(contactsPath(account)), contact)
                        .select(".user-status")
                        .text())
                .contains("Password set");
    }

    @Test
    void anUnreadablePhoneLeavesTheUserWithoutPhoneAndTheAdminIsToldWhy() {
        AccountView account = account();
        ContactView contact = accounts.addContact(account.id(), "Eva Visser", email(), "call reception, ask for Eva");
        Browser admin = signedInAdmin();

        Page after = admin.get(promote(admin, admin.get(contactsPath(account)), contact, "acme")
                .location());
        assertThat(after.alerts())
                .contains("call reception, ask for Eva")
                .contains("could not be read as a phone number")
                .contains("Netherlands")
                .contains("no digits")
                .contains("SMS codes are not available");
        assertThat(row(after, contact).select(".portal-user .phone-warning").text())
                .contains("has no phone");
        assertThat(users.findByEmail(acme(), contact.email()).orElseThrow().phone())
                .isNull();
    }

    @Test
    void editsOfAPromotedContactAreAppliedToTheirUser() {
        AccountView account = account();
        ContactView contact = accounts.addContact(account.id(), "Frank Miller", email(), "(650) 253-0000");
        Browser admin = signedInAdmin();
        admin.get(promote(admin, admin.get(contactsPath(account)), contact, "globex")
                .location());
        UserView user = users.findByEmail(globex(), contact.email()).orElseThrow();
        assertThat(user.phone()).isEqualTo("+16502530000");
        String firstLink = InvitationLinks.await(contact.email(), 1);

        String newEmail = email();
        Page saved =
                edit(admin, contact, Map.of("name", "Frank Miller", "email", newEmail, "phone", "+31 20 123 4567"));
        assertThat(saved.location()).isEqualTo(contactsPath(account));
        Page after = admin.get(saved.location());
        assertThat(after.document().select("#notice").text())
                .contains("updated too")
                .contains("new invitation");

        UserView changed = users.find(user.id()).orElseThrow();
        assertThat(changed.email()).isEqualTo(newEmail);
        assertThat(changed.phone()).isEqualTo("+31201234567");
        assertThat(users.findByEmail(globex(), newEmail)).isPresent();
        assertThat(users.findByEmail(globex(), contact.email())).isEmpty();
        assertThat(accounts.findContact(contact.id()).orElseThrow().phone()).isEqualTo("+31 20 123 4567");

        // the invitation follows the address: the old link is dead, the new address gets one
        Browser person = new Browser(port);
        assertThat(person.get(firstLink).status()).isEqualTo(410);
        String newLink = InvitationLinks.await(newEmail, 1);
        assertThat(person.submit(
                                person.get(newLink),
                                "#invitation-form",
                                InvitationLinks.passwords(NEW_PASSWORD, NEW_PASSWORD))
                        .location())
                .isEqualTo("/sites/globex/login?passwordSet");

        Page unreadable = edit(admin, contact, Map.of("name", "Frank Miller", "email", newEmail, "phone", "ext. 12"));
        assertThat(admin.get(unreadable.location()).alerts())
                .contains("ext. 12")
                .contains("has no phone");
        assertThat(users.find(user.id()).orElseThrow().phone()).isNull();
        assertThat(users.find(user.id()).orElseThrow().emailConfirmed()).isTrue();
        assertThat(InvitationLinks.count(newEmail))
                .as("a user with a password gets no new invitation")
                .isEqualTo(1);
    }

    @Test
    void promotingToASiteWhereTheEmailIsTakenIsRefusedAndChangesNothing() {
        UserView existing = testUsers.portalUser("acme");
        AccountView account = account();
        ContactView contact = accounts.addContact(account.id(), "Twin", existing.email(), "020 123 4567");
        Browser admin = signedInAdmin();

        Page refused = promote(admin, admin.get(contactsPath(account)), contact, "acme");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.alerts()).contains("already has this email address");
        assertThat(accounts.findContact(contact.id()).orElseThrow().portalUserId())
                .isNull();
        assertThat(accounts.linkedTo(existing.id())).isEmpty();
        assertThat(users.find(existing.id()).orElseThrow().displayName()).isEqualTo("Test User");
    }

    @Test
    void aContactIsPromotedOnlyOnce() {
        AccountView account = account();
        ContactView contact = accounts.addContact(account.id(), "Once", email(), null);
        Browser admin = signedInAdmin();
        Page page = admin.get(contactsPath(account));
        assertThat(promote(admin, page, contact, "acme").status()).isEqualTo(302);
        InvitationLinks.await(contact.email(), 1);

        Page again = promote(admin, page, contact, "globex");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.alerts()).contains("is a portal user already");
        assertThat(users.findByEmail(globex(), contact.email())).isEmpty();
        assertThat(InvitationLinks.count(contact.email())).isEqualTo(1);
    }

    @Test
    void aContactWithoutEmailCannotBePromoted() {
        AccountView account = account();
        ContactView contact = accounts.addContact(account.id(), "No Mail", null, "020 123 4567");
        Browser admin = signedInAdmin();
        Page page = admin.get(contactsPath(account));
        assertThat(row(page, contact).select(".promote-form")).isEmpty();

        Page refused =
                admin.post("/admin/contacts/" + contact.id() + "/promote", Map.of("site", "acme", "_csrf", csrf(page)));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.alerts()).contains("no email address");
        assertThat(accounts.findContact(contact.id()).orElseThrow().portalUserId())
                .isNull();
    }

    @Test
    void anAdminAddsAContactPersonToAnAccount() {
        AccountView account = account();
        Browser admin = signedInAdmin();
        Page list = admin.get("/admin/accounts?q=" + account.number());
        assertThat(list.document().select("tr[data-account]")).hasSize(1);
        assertThat(list.document().select("tr[data-account] td").get(3).text()).isEqualTo("0");

        Page form = admin.get("/admin/contacts/new?account=" + account.number());
        String mail = email();
        Page saved = admin.submit(form, "#contact-form", Map.of("name", "  New Person ", "email", mail, "phone", ""));
        assertThat(saved.location()).isEqualTo(contactsPath(account));
        List<ContactView> contacts = accounts.contactsOf(account.id());
        assertThat(contacts).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("New Person");
            assertThat(c.email()).isEqualTo(mail);
            assertThat(c.phone()).isNull();
        });
    }

    @Test
    void badInputIsA400WithAClearMessageAndChangesNothing() {
        AccountView account = account();
        ContactView contact = accounts.addContact(account.id(), "Stays", email(), "020 123 4567");
        Browser admin = signedInAdmin();
        Page form = admin.get("/admin/contacts/" + contact.id() + "/edit");
        Map<String, Map<String, String>> bad = Map.of(
                "Enter a name", fields(" ", contact.email(), ""),
                "name is too long", fields("n".repeat(121), contact.email(), ""),
                "not an email address", fields("Stays", "not-an-email", ""),
                "email address is too long", fields("Stays", "a".repeat(310) + "@example.com", ""),
                "phone number is too long", fields("Stays", contact.email(), "1".repeat(41)),
                "not allowed", fields("Sta\u202eys", contact.email(), ""));
        bad.forEach((message, input) -> {
            Page refused = admin.submit(form, "#contact-form", input);
            assertThat(refused.status()).as(message).isEqualTo(400);
            assertThat(refused.alerts()).as(message).contains(message);
            assertThat(refused.body()).doesNotContain("Exception");
        });
        Page newForm = admin.get("/admin/contacts/new?account=" + account.number());
        assertThat(admin.submit(newForm, "#contact-form", fields("", "x@y.z", ""))
                        .status())
                .isEqualTo(400);
        assertThat(accounts.contactsOf(account.id())).containsExactly(contact);

        String token = csrf(form);
        assertThat(admin.get("/admin/contacts/abc/edit").status()).isEqualTo(400);
        assertThat(admin.get("/admin/contacts/999999999/edit").status()).isEqualTo(404);
        assertThat(admin.get("/admin/accounts/NOPE-" + UUID.randomUUID() + "/contacts")
                        .status())
                .isEqualTo(404);
        assertThat(admin.get("/admin/contacts/new?account=nope").status()).isEqualTo(404);
        assertThat(admin.get("/admin/contacts/new").status()).isEqualTo(400);
        assertThat(admin.get("/admin/accounts?q=" + "q".repeat(101)).status()).isEqualTo(400);
        Page badSite =
                admin.post("/admin/contacts/" + contact.id() + "/promote", Map.of("site", "nope", "_csrf", token));
        assertThat(badSite.status()).isEqualTo(400);
        assertThat(badSite.alerts()).contains("site does not exist");
        assertThat(admin.post("/admin/contacts/" + contact.id() + "/promote", Map.of("_csrf", token))
                        .status())
                .isEqualTo(400);
        assertThat(accounts.findContact(contact.id()).orElseThrow()).isEqualTo(contact);
    }

    @Test
    void aSiteAdminCanNeitherLookNorChange() {
        AccountView account = account();
        ContactView contact = accounts.addContact(account.id(), "Looked At", email(), null);
        UserView siteAdmin = users.create(
                Realm.ADMIN, new NewUser(email(), "Site Admin", TestUsers.PASSWORD, true, null, false, AdminRole.SITE));
        Browser browser = signedIn(siteAdmin);
        Page page = browser.get(contactsPath(account));
        assertThat(page.status())
                .as("accounts belong to no site: system admins only")
                .isEqualTo(403);
        assertThat(page.body()).doesNotContain(contact.email());
        String token = csrf(browser.get("/admin/"));
        assertThat(browser.post("/admin/contacts/" + contact.id() + "/promote", Map.of("site", "acme", "_csrf", token))
                        .status())
                .isEqualTo(403);
        assertThat(accounts.findContact(contact.id()).orElseThrow().portalUserId())
                .isNull();
    }

    @Test
    void portalUsersNeverReachTheContactPages() {
        UserView user = testUsers.portalUser("globex");
        Browser browser = new Browser(port);
        SignInSteps.password(browser, "globex", user.email(), TestUsers.PASSWORD);
        assertThat(browser.get("/admin/accounts").location()).isEqualTo("/admin/login");
    }

    private Page promote(Browser admin, Page page, ContactView contact, String site) {
        Element form = row(page, contact).selectFirst(".promote-form");
        if (form == null) {
            return admin.post(
                    "/admin/contacts/" + contact.id() + "/promote", Map.of("site", site, "_csrf", csrf(page)));
        }
        return admin.submit(page, "[data-contact=" + contact.id() + "] .promote-form", Map.of("site", site));
    }

    private Page edit(Browser admin, ContactView contact, Map<String, String> fields) {
        Page form = admin.get("/admin/contacts/" + contact.id() + "/edit");
        assertThat(form.status()).isEqualTo(200);
        return admin.submit(form, "#contact-form", fields);
    }

    private static Element row(Page page, ContactView contact) {
        Element row = page.document().selectFirst("[data-contact=" + contact.id() + "]");
        assertThat(row).as("row of contact %s", contact.id()).isNotNull();
        return row;
    }

    private static String csrf(Page page) {
        return page.document().selectFirst("input[name=_csrf]").attr("value");
    }

    private static Map<String, String> fields(String name, String email, String phone) {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", name);
        fields.put("email", email);
        fields.put("phone", phone);
        return fields;
    }

    private AccountView account() {
        String number = "T-" + UUID.randomUUID().toString().substring(0, 8);
        return accounts.create(number, "Test Account " + number, AccountKind.CUSTOMER, List.of());
    }

    private static String contactsPath(AccountView account) {
        return "/admin/accounts/" + account.number() + "/contacts";
    }

    private Realm acme() {
        return sites.findBySlug("acme").orElseThrow().realm();
    }

    private Realm globex() {
        return sites.findBySlug("globex").orElseThrow().realm();
    }

    private Browser signedInAdmin() {
        return signedIn(testUsers.admin());
    }

    private Browser signedIn(UserView admin) {
        Browser browser = new Browser(port);
        browser.submit(
                browser.get("/admin/login"),
                "#login-form",
                Map.of("username", admin.email(), "password", TestUsers.PASSWORD));
        Page done = browser.submit(
                browser.get("/admin/login/email"),
                "#code-form",
                Map.of("code", TestMailServer.awaitCode(admin.email(), 1)));
        assertThat(done.location()).isEqualTo("/admin/");
        return browser;
    }

    static String email() {
        return "c-" + UUID.randomUUID().toString().substring(0, 12) + "@contacts.test";
    }
}
