package dev.latchkey.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.accounts.AccountKind;
import dev.latchkey.accounts.AccountView;
import dev.latchkey.accounts.Accounts;
import dev.latchkey.accounts.ContactView;
import dev.latchkey.accounts.Contacts;
import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.ConfirmationLinks;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.InvitationLinks;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * ADR 0008: an admin changed a promoted contact's email (which is also the user's login) to an address of their own,
 * sent a password reset there and signed in as the customer, and the customer's real address heard nothing. Now the old
 * address is told at once, the new one is only pending until the user confirms it with their password, and until then
 * resets and codes go to the confirmed address only.
 */
@IntegrationTest
class EmailTakeoverIntegrationTests {

    static final String CUSTOMER_PASSWORD = "a phrase only Cas knows";
    static final String SIX_DIGITS = "(?m)^\\s*\\d{6}\\s*$";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Contacts contacts;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    TestUsers testUsers;

    @Autowired
    AuditLog audit;

    @Test
    void anAdminWhoChangesTheEmailAndSendsAResetCannotSignInAsTheCustomer() {
        Customer customer = activeCustomer();
        UserView admin = testUsers.admin();
        Browser console = SignInSteps.admin(port, admin.email(), TestUsers.PASSWORD, 1);
        String attacker = email("attacker");

        Page saved = edit(console, customer.contact(), attacker, "020 123 4567");

        // the admin's reset goes to the confirmed address: nothing that sets a password reaches the attacker
        Page list = console.get("/admin/users");
        Page sent = console.post(
                "/admin/users/" + customer.userId() + "/password-reset",
                Map.of("_csrf", list.document().selectFirst("input[name=_csrf]").attr("value")));
        assertThat(sent.location()).isEqualTo("/admin/users");
        awaitResetToEither(customer.email(), attacker);
        assertThat(ConfirmationLinks.bodies(attacker))
                .as("nothing that sets a password or signs in reaches %s", attacker)
                .noneMatch(body -> body.contains("/invitation/"))
                .noneMatch(EmailTakeoverIntegrationTests::hasCode);
        TestMailServer.awaitMessage(customer.email(), "new password");
        assertThat(console.get(sent.location())
                        .document()
                        .select("[role=status]")
                        .text())
                .contains("confirmed address");

        // the customer's real address is told of the change, with no link and no code in it
        String notice = TestMailServer.awaitMessage(customer.email(), "email address of your");
        assertThat(notice)
                .contains(admin.email())
                .contains("Acme Leasing")
                .doesNotContain("/invitation/")
                .doesNotContain("/confirm-email/");
        assertThat(hasCode(notice)).isFalse();
        assertThat(console.get(saved.location()).document().select("#notice").text())
                .contains(attacker)
                .contains("confirm");

        // the login has not moved: the attacker's address is only pending
        UserView pending = users.find(customer.userId()).orElseThrow();
        assertThat(pending.email()).isEqualTo(customer.email());
        assertThat(pending.emailConfirmed()).isTrue();
        assertThat(pending.pendingEmail()).isEqualTo(attacker);
        assertThat(users.findByEmail(acme(), attacker)).isEmpty();
        String confirmation = ConfirmationLinks.await(attacker, 1);

        // the attacker holds the confirmation link but not the password: the link cannot move the login
        Browser thief = new Browser(port);
        Page form = thief.get(confirmation);
        assertThat(form.status()).isEqualTo(200);
        Page guessed = thief.submit(form, "#confirm-email-form", Map.of("password", "a guess at the password"));
        assertThat(guessed.status()).isEqualTo(401);
        assertThat(users.find(customer.userId()).orElseThrow().email()).isEqualTo(customer.email());

        // the attacker's address signs nobody in
        assertThat(SignInSteps.password(thief, "acme", attacker, CUSTOMER_PASSWORD)
                        .status())
                .isEqualTo(401);
        assertThat(thief.get("/sites/acme/").location()).isEqualTo("/sites/acme/login");

        // the customer still signs in as before, and the email code goes to their confirmed address only
        Browser own = new Browser(port);
        SignInSteps.signInWithEmail(own, "acme", customer.email(), CUSTOMER_PASSWORD, 1);
        assertThat(ConfirmationLinks.bodies(attacker)).noneMatch(EmailTakeoverIntegrationTests::hasCode);

        assertThat(audit.recentFor(customer.userId()))
                .extracting(AuditEntry::type, AuditEntry::actor)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("admin.contact-details-changed", admin.email()),
                        org.assertj.core.groups.Tuple.tuple("admin.password-reset-sent", admin.email()));
    }

    @Test
    void theNewAddressBecomesTheLoginOnlyWhenTheUserConfirmsItWithTheirPassword() {
        Customer customer = activeCustomer();
        UserView admin = testUsers.admin();
        Browser console = SignInSteps.admin(port, admin.email(), TestUsers.PASSWORD, 1);
        String newEmail = email("moved");

        edit(console, customer.contact(), newEmail, "020 123 4567");
        TestMailServer.awaitMessage(customer.email(), "email address of your");
        assertThat(SignInSteps.password(new Browser(port), "acme", newEmail, CUSTOMER_PASSWORD)
                        .status())
                .as("not the login before it is confirmed")
                .isEqualTo(401);

        String link = ConfirmationLinks.await(newEmail, 1);
        Browser person = new Browser(port);
        Page form = person.get(link);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.document().select("#confirm-email-form input[type=password]"))
                .hasSize(1);
        assertThat(form.body()).contains(newEmail);
        Page done = person.submit(form, "#confirm-email-form", Map.of("password", CUSTOMER_PASSWORD));
        assertThat(done.location()).isEqualTo("/sites/acme/login?emailConfirmed");
        assertThat(person.get(done.location())
                        .document()
                        .select("[role=status]")
                        .text())
                .contains("new email address is confirmed");

        UserView moved = users.find(customer.userId()).orElseThrow();
        assertThat(moved.email()).isEqualTo(newEmail);
        assertThat(moved.emailConfirmed()).isTrue();
        assertThat(moved.pendingEmail()).isNull();
        assertThat(users.findByEmail(acme(), customer.email())).isEmpty();
        assertThat(TestMailServer.awaitMessage(customer.email(), "sign-in address was changed"))
                .contains(newEmail);

        assertThat(person.get(link).status()).as("used once").isEqualTo(410);
        assertThat(person.submit(form, "#confirm-email-form", Map.of("password", CUSTOMER_PASSWORD))
                        .status())
                .isEqualTo(410);

        // the new address is the login now, and the email code goes there
        SignInSteps.signInWithEmail(new Browser(port), "acme", newEmail, CUSTOMER_PASSWORD, 1);
        assertThat(SignInSteps.password(new Browser(port), "acme", customer.email(), CUSTOMER_PASSWORD)
                        .status())
                .isEqualTo(401);
        assertThat(audit.recentFor(customer.userId()))
                .extracting(AuditEntry::type)
                .contains("user.email-confirmed");
    }

    @Test
    void aPhoneChangeIsToldToTheUsersEmailAndAnUnreadablePhoneIsStoredBlank() {
        Customer customer = activeCustomer();
        UserView admin = testUsers.admin();
        Browser console = SignInSteps.admin(port, admin.email(), TestUsers.PASSWORD, 1);

        Page saved = edit(console, customer.contact(), customer.email(), "+31 6 1234 5678");
        assertThat(console.get(saved.location()).alerts()).isEmpty();
        assertThat(users.find(customer.userId()).orElseThrow().phone()).isEqualTo("+31612345678");
        String notice = TestMailServer.awaitMessage(customer.email(), "phone number of your");
        assertThat(notice).contains(admin.email()).doesNotContain("5678");
        assertThat(hasCode(notice)).isFalse();

        Page unreadable = edit(console, customer.contact(), customer.email(), "ask reception");
        assertThat(console.get(unreadable.location()).alerts()).contains("has no phone");
        assertThat(users.find(customer.userId()).orElseThrow().phone()).isNull();
        // the second notice goes out through the outbox like the first: wait for it
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
        while (TestMailServer.messagesTo(customer.email()).stream()
                                .filter(m -> subject(m).contains("phone number of your"))
                                .count()
                        < 2
                && java.time.Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(TestMailServer.messagesTo(customer.email()).stream()
                        .filter(m -> subject(m).contains("phone number of your"))
                        .count())
                .isEqualTo(2);
        assertThat(ConfirmationLinks.links(customer.email()))
                .as("a phone change asks nothing of the email")
                .isEmpty();
        assertThat(users.find(customer.userId()).orElseThrow().pendingEmail()).isNull();
    }

    @Test
    void anInvitedUsersEmailFollowsAtOnceTheOldAddressIsToldAndTheNewOneGetsTheInvitation() {
        AccountView account = account();
        ContactView contact = accounts.addContact(account.id(), "Ina Invited", email("invited"), null);
        long userId =
                contacts.promote(contact.id(), acme().siteId(), "test").user().id();
        String firstLink = InvitationLinks.await(contact.email(), 1);
        UserView admin = testUsers.admin();
        Browser console = SignInSteps.admin(port, admin.email(), TestUsers.PASSWORD, 1);
        String typo = email("corrected");

        edit(console, contact, typo, "");
        UserView moved = users.find(userId).orElseThrow();
        assertThat(moved.email()).isEqualTo(typo);
        assertThat(moved.emailConfirmed()).isFalse();
        assertThat(moved.pendingEmail()).isNull();
        assertThat(TestMailServer.awaitMessage(contact.email(), "email address of your"))
                .contains(admin.email())
                .doesNotContain("/invitation/");
        assertThat(new Browser(port).get(firstLink).status()).isEqualTo(410);
        assertThat(InvitationLinks.await(typo, 1)).startsWith("/sites/acme/invitation/");
    }

    /** A contact promoted on Acme (MFA required) who accepted the invitation: password set, email confirmed. */
    private Customer activeCustomer() {
        AccountView account = account();
        ContactView contact = accounts.addContact(account.id(), "Cas Customer", email("customer"), "020 123 4567");
        long userId =
                contacts.promote(contact.id(), acme().siteId(), "test").user().id();
        Browser person = new Browser(port);
        Page set = person.submit(
                person.get(InvitationLinks.await(contact.email(), 1)),
                "#invitation-form",
                InvitationLinks.passwords(CUSTOMER_PASSWORD, CUSTOMER_PASSWORD));
        assertThat(set.location()).isEqualTo("/sites/acme/login?passwordSet");
        assertThat(users.find(userId).orElseThrow().emailConfirmed()).isTrue();
        return new Customer(account, contact, userId, contact.email());
    }

    private Page edit(Browser admin, ContactView contact, String email, String phone) {
        Page form = admin.get("/admin/contacts/" + contact.id() + "/edit");
        assertThat(form.status()).isEqualTo(200);
        Page saved =
                admin.submit(form, "#contact-form", Map.of("name", contact.name(), "email", email, "phone", phone));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        return saved;
    }

    private AccountView account() {
        String number = "T-" + UUID.randomUUID().toString().substring(0, 8);
        return accounts.create(number, "Takeover Test " + number, AccountKind.CUSTOMER, List.of());
    }

    private static String contactsPath(AccountView account) {
        return "/admin/accounts/" + account.number() + "/contacts";
    }

    private Realm acme() {
        return sites.findBySlug("acme").orElseThrow().realm();
    }

    /** Waits until a password reset reached one of the two addresses. */
    private static void awaitResetToEither(String one, String other) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            if (java.util.stream.Stream.of(one, other)
                    .flatMap(a -> TestMailServer.messagesTo(a).stream())
                    .anyMatch(m -> subject(m).contains("new password"))) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
        throw new AssertionError("No password reset reached " + one + " or " + other + " within 20 s");
    }

    private static boolean hasCode(String body) {
        return java.util.regex.Pattern.compile(SIX_DIGITS).matcher(body).find();
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (jakarta.mail.MessagingException ex) {
            return "";
        }
    }

    static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 12) + "@takeover.test";
    }

    record Customer(AccountView account, ContactView contact, long userId, String email) {}
}
