package dev.latchkey.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.accounts.ContactRefusedException.Reason;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.InvitationLinks;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** F-CONTACT: promotion and edits are all-or-nothing, and a contact becomes a portal user once. */
@IntegrationTest
class ContactPromotionIntegrationTests {

    @Autowired
    Contacts contacts;

    @Autowired
    Accounts accounts;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    TestUsers testUsers;

    @Test
    void removingThePromotedContactsEmailIsRefusedAndChangesNothing() {
        ContactView contact = newContact("020 123 4567");
        Promotion promotion = contacts.promote(contact.id(), site("acme").id(), "test");

        assertThatThrownBy(() -> contacts.update(contact.id(), new ContactDetails("Renamed", " ", null), "test"))
                .isInstanceOfSatisfying(
                        ContactRefusedException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(Reason.EMAIL_REQUIRED));

        ContactView unchanged = accounts.findContact(contact.id()).orElseThrow();
        assertThat(unchanged.name()).isEqualTo(contact.name());
        assertThat(unchanged.email()).isEqualTo(contact.email());
        assertThat(users.find(promotion.user().id()).orElseThrow().phone()).isEqualTo("+31201234567");
    }

    @Test
    void anEditToAnEmailTakenOnTheUsersSiteIsRefusedAndChangesNothing() {
        UserView other = testUsers.portalUser("acme");
        ContactView contact = newContact(null);
        Promotion promotion = contacts.promote(contact.id(), site("acme").id(), "test");
        InvitationLinks.await(contact.email(), 1);

        assertThatThrownBy(() -> contacts.update(
                        contact.id(), new ContactDetails("Renamed", other.email(), "020 123 4567"), "test"))
                .isInstanceOfSatisfying(
                        ContactRefusedException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(Reason.EMAIL_TAKEN));

        assertThat(accounts.findContact(contact.id()).orElseThrow()).isEqualTo(promotion.contact());
        UserView user = users.find(promotion.user().id()).orElseThrow();
        assertThat(user.email()).isEqualTo(contact.email());
        assertThat(user.phone()).isNull();
        assertThat(InvitationLinks.count(other.email())).isZero();
    }

    @Test
    void editsOfAContactWhoIsNoPortalUserTouchNoUser() {
        ContactView contact = newContact("garbage");
        ContactUpdate update = contacts.update(contact.id(), new ContactDetails("New Name", null, "020 1"), "test");
        assertThat(update.promoted()).isFalse();
        assertThat(update.contact().name()).isEqualTo("New Name");
        assertThat(update.contact().email()).isNull();
        assertThat(update.contact().phone()).isEqualTo("020 1");
    }

    @Test
    void twoSimultaneousPromotionsOfOneContactHaveExactlyOneWinner() throws Exception {
        ContactView contact = newContact(null);
        List<SiteView> targets = List.of(site("acme"), site("globex"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (SiteView target : targets) {
                Callable<String> promote = () -> {
                    start.await();
                    try {
                        contacts.promote(contact.id(), target.id(), "test");
                        return "promoted";
                    } catch (ContactRefusedException ex) {
                        return ex.reason().name();
                    }
                };
                outcomes.add(pool.submit(promote));
            }
            start.countDown();
            assertThat(List.of(outcomes.get(0).get(), outcomes.get(1).get()))
                    .containsExactlyInAnyOrder("promoted", "ALREADY_PROMOTED");
        } finally {
            pool.shutdownNow();
        }
        long users = targets.stream()
                .filter(s -> this.users.findByEmail(s.realm(), contact.email()).isPresent())
                .count();
        assertThat(users).isEqualTo(1);
    }

    private ContactView newContact(String phone) {
        String number = "P-" + UUID.randomUUID().toString().substring(0, 8);
        AccountView account = accounts.create(number, "Promotion Test", AccountKind.CUSTOMER, List.of());
        String email = "p-" + UUID.randomUUID().toString().substring(0, 12) + "@promotion.test";
        return contacts.add(account.id(), new ContactDetails("Pat Promoted", email, phone));
    }

    private SiteView site(String slug) {
        return sites.findBySlug(slug).orElseThrow();
    }
}
