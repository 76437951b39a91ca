package dev.latchkey.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.accounts.AccountView.ContractView;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.IntegrationTest;
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

/** F-API: accounts and contacts changed by the back office: versions, upserts by external id, refused deletes. */
@IntegrationTest
public class AccountChangesIntegrationTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Contacts contacts;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    PhoneWarnings phoneWarnings;

    @Test
    void anUpdateReplacesTheContractsAndBumpsTheVersion() {
        AccountView account = accounts.create(data(unique("A"), List.of(contract("C1"), contract("C2"))));
        assertThat(account.version()).isZero();

        AccountData changed =
                new AccountData(account.number(), "Renamed", AccountKind.GUARANTOR, null, List.of(contract("C3")));
        AccountView updated = accounts.update(account.id(), changed, 0L);

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.name()).isEqualTo("Renamed");
        assertThat(updated.contracts())
                .extracting(ContractView::number)
                .containsExactly(changed.contracts().get(0).number());
        assertThat(accounts.findById(account.id()).orElseThrow()).isEqualTo(updated);
    }

    @Test
    void aStaleVersionChangesNothing() {
        AccountView account = accounts.create(data(unique("A"), List.of(contract("C1"))));
        accounts.update(account.id(), data(account.number(), List.of()), 0L);

        assertThatThrownBy(() -> accounts.update(account.id(), data(account.number(), List.of(contract("C9"))), 0L))
                .isInstanceOf(StaleVersionException.class);
        assertThat(accounts.findById(account.id()).orElseThrow().contracts()).isEmpty();
        assertThatThrownBy(() -> accounts.delete(account.id(), 0L)).isInstanceOf(StaleVersionException.class);
        assertThat(accounts.findById(account.id())).isPresent();
    }

    @Test
    void twoUpdatesFromTheSameVersionHaveOneWinner() throws Exception {
        AccountView account = accounts.create(data(unique("A"), List.of()));
        List<String> outcomes = race(2, i -> {
            try {
                accounts.update(account.id(), data(account.number(), List.of(contract("R" + i))), 0L);
                return "updated";
            } catch (StaleVersionException ex) {
                return "stale";
            }
        });
        assertThat(outcomes).containsExactlyInAnyOrder("updated", "stale");
        assertThat(accounts.findById(account.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void takenNumbersAndContractsAreRefused() {
        AccountView first = accounts.create(data(unique("A"), List.of(contract("C1"))));
        AccountView second = accounts.create(data(unique("A"), List.of()));

        assertRefused(
                () -> accounts.create(data(first.number(), List.of())), AccountRefusedException.Reason.NUMBER_TAKEN);
        assertRefused(
                () -> accounts.update(
                        second.id(),
                        data(second.number(), List.of(first.contracts().get(0))),
                        null),
                AccountRefusedException.Reason.CONTRACT_TAKEN);
        ContractView twice = contract("C2");
        assertRefused(
                () -> accounts.update(second.id(), data(second.number(), List.of(twice, twice)), null),
                AccountRefusedException.Reason.CONTRACT_TAKEN);
        assertThat(accounts.findById(second.id()).orElseThrow().version()).isZero();
    }

    @Test
    void anAccountUpsertCreatesThenUpdatesThenLeavesAlone() {
        String externalId = unique("crm-");
        AccountData data = data(unique("A"), List.of(contract("C1"), contract("C2")));

        Upserted<AccountView> created = accounts.upsert(externalId, data);
        Upserted<AccountView> again = accounts.upsert(externalId, data);
        AccountData renamed = new AccountData(
                data.number(),
                "New",
                data.kind(),
                null,
                List.of(data.contracts().get(1), data.contracts().get(0)));
        Upserted<AccountView> updated = accounts.upsert(externalId, renamed);
        Upserted<AccountView> same = accounts.upsert(externalId, renamed);

        assertThat(created.outcome()).isEqualTo(UpsertOutcome.CREATED);
        assertThat(created.row().externalId()).isEqualTo(externalId);
        assertThat(again.outcome()).isEqualTo(UpsertOutcome.UNCHANGED);
        assertThat(updated.outcome()).isEqualTo(UpsertOutcome.UPDATED);
        assertThat(same.outcome()).isEqualTo(UpsertOutcome.UNCHANGED);
        assertThat(same.row().version()).isEqualTo(1);
        assertThat(accounts.findByExternalId(externalId).orElseThrow().name()).isEqualTo("New");
    }

    @Test
    void anAccountWithContactsIsNotDeletedAndAnEmptyOneIs() {
        AccountView used = accounts.create(data(unique("A"), List.of(contract("C1"))));
        contacts.add(used.id(), new ContactDetails("Kim", null, null));
        AccountView empty = accounts.create(data(unique("A"), List.of(contract("C1"))));

        assertRefused(() -> accounts.delete(used.id(), null), AccountRefusedException.Reason.IN_USE);
        assertThat(accounts.findById(used.id())).isPresent();
        assertThat(accounts.delete(empty.id(), 0L)).isTrue();
        assertThat(accounts.findById(empty.id())).isEmpty();
        assertThat(accounts.delete(empty.id(), null)).isFalse();
    }

    @Test
    void pagesGoByIdWithContracts() {
        AccountView a = accounts.create(data(unique("A"), List.of(contract("C1"))));
        AccountView b = accounts.create(data(unique("A"), List.of()));
        List<AccountView> page = accounts.page(a.id() - 1, 2);
        assertThat(page).containsExactly(a, b);
        assertThat(accounts.page(b.id(), 10)).doesNotContain(a, b);
    }

    @Test
    void aContactUpsertCreatesThenUpdatesThenLeavesAlone() {
        AccountView account = accounts.create(data(unique("A"), List.of()));
        String externalId = unique("c-");
        ContactData data = new ContactData(account.id(), null, new ContactDetails("Ann", "ann@example.com", null));

        var created = contacts.upsert(externalId, data, "test");
        var same = contacts.upsert(externalId, data, "test");
        var updated = contacts.upsert(
                externalId,
                new ContactData(account.id(), null, new ContactDetails("Ann B", null, "0612345678")),
                "test");

        assertThat(created.outcome()).isEqualTo(UpsertOutcome.CREATED);
        assertThat(same.outcome()).isEqualTo(UpsertOutcome.UNCHANGED);
        assertThat(updated.outcome()).isEqualTo(UpsertOutcome.UPDATED);
        ContactView now = contacts.findByExternalId(externalId).orElseThrow();
        assertThat(now.name()).isEqualTo("Ann B");
        assertThat(now.version()).isEqualTo(1);
    }

    @Test
    void aContactUpdateReachesThePromotedUserAndAStaleOneChangesNothing() {
        AccountView account = accounts.create(data(unique("A"), List.of()));
        ContactView contact = contacts.create(new ContactData(
                account.id(), unique("c-"), new ContactDetails("Pat", unique("p") + "@example.com", null)));
        Promotion promotion = contacts.promote(
                contact.id(), sites.findBySlug("acme").orElseThrow().id(), "test");
        long version = promotion.contact().version();
        assertThat(version).isEqualTo(1);

        String email = unique("q") + "@example.com";
        ContactUpdate update = contacts.update(
                contact.id(),
                new ContactData(account.id(), null, new ContactDetails("Pat", email, "garbage")),
                version,
                "api-token:test");

        assertThat(update.promoted()).isTrue();
        assertThat(users.find(promotion.user().id()).orElseThrow().email()).isEqualTo(email);
        assertThat(users.find(promotion.user().id()).orElseThrow().phone()).isNull();
        assertThat(phoneWarnings.of(update.contact())).singleElement().satisfies(w -> {
            assertThat(w.site()).isEqualTo("acme");
            assertThat(w.message()).contains("garbage");
        });
        assertThatThrownBy(() -> contacts.update(
                        contact.id(),
                        new ContactData(account.id(), null, new ContactDetails("Old", email, null)),
                        version,
                        "test"))
                .isInstanceOf(StaleVersionException.class);
        assertThat(accounts.findContact(contact.id()).orElseThrow().name()).isEqualTo("Pat");
    }

    @Test
    void aPromotedContactIsNotDeletedNorMovedAndAnotherIs() {
        AccountView account = accounts.create(data(unique("A"), List.of()));
        AccountView other = accounts.create(data(unique("A"), List.of()));
        ContactView promoted =
                contacts.add(account.id(), new ContactDetails("Pat", unique("p") + "@example.com", null));
        contacts.promote(promoted.id(), sites.findBySlug("acme").orElseThrow().id(), "test");
        ContactView plain = contacts.add(account.id(), new ContactDetails("Kim", null, null));

        assertThatThrownBy(() -> contacts.delete(promoted.id(), null))
                .isInstanceOfSatisfying(
                        ContactRefusedException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(ContactRefusedException.Reason.HAS_PORTAL_USER));
        assertThatThrownBy(() -> contacts.update(
                        promoted.id(),
                        new ContactData(other.id(), null, new ContactDetails("Pat", "x@example.com", null)),
                        null,
                        "test"))
                .isInstanceOfSatisfying(
                        ContactRefusedException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(ContactRefusedException.Reason.PROMOTED_CONTACT_MOVED));
        ContactUpdate moved = contacts.update(
                plain.id(), new ContactData(other.id(), null, new ContactDetails("Kim", null, null)), 0L, "test");
        assertThat(moved.contact().accountId()).isEqualTo(other.id());
        assertThat(contacts.delete(plain.id(), 1L)).isTrue();
        assertThat(accounts.findContact(plain.id())).isEmpty();
        assertThat(accounts.findContact(promoted.id())).isPresent();
    }

    @Test
    void aTakenExternalIdOrUnknownAccountIsRefused() {
        AccountView account = accounts.create(data(unique("A"), List.of()));
        String externalId = unique("c-");
        contacts.create(new ContactData(account.id(), externalId, new ContactDetails("A", null, null)));
        assertThatThrownBy(() ->
                        contacts.create(new ContactData(account.id(), externalId, new ContactDetails("B", null, null))))
                .isInstanceOfSatisfying(
                        ContactRefusedException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(ContactRefusedException.Reason.EXTERNAL_ID_TAKEN));
        assertThatThrownBy(() -> contacts.create(new ContactData(-1, null, new ContactDetails("B", null, null))))
                .isInstanceOfSatisfying(
                        ContactRefusedException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(ContactRefusedException.Reason.NO_SUCH_ACCOUNT));
        List<ContactView> page = contacts.page(0, account.id(), 10);
        assertThat(page).extracting(ContactView::name).containsExactly("A");
    }

    private static void assertRefused(Runnable change, AccountRefusedException.Reason reason) {
        assertThatThrownBy(change::run)
                .isInstanceOfSatisfying(
                        AccountRefusedException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(reason));
    }

    public interface Attempt {
        String run(int i) throws Exception;
    }

    public static List<String> race(int n, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<String> task = () -> {
                    start.await();
                    return attempt.run(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    static AccountData data(String number, List<ContractView> contracts) {
        return new AccountData(number, "Test Account", AccountKind.CUSTOMER, null, contracts);
    }

    static ContractView contract(String prefix) {
        return new ContractView(unique(prefix + "-"), "Lease", "ACTIVE");
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 12);
    }
}
