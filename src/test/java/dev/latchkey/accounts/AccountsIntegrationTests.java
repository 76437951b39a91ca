package dev.latchkey.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.accounts.AccountView.ContractView;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.Users;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Accounts, contracts, contact persons and the demo data, on this run's database. */
@IntegrationTest
class AccountsIntegrationTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    TestUsers testUsers;

    @Test
    void aUserSeesExactlyTheAccountsLinkedToThemWithContractsInOrder() {
        var user = testUsers.portalUser("acme");
        var account = accounts.create(
                "T-" + user.id(),
                "Test Account",
                AccountKind.CUSTOMER,
                List.of(
                        new ContractView("T-" + user.id() + "-2", "Lease", "Active"),
                        new ContractView("T-" + user.id() + "-1", "Loan", "Ended")));
        accounts.create("U-" + user.id(), "Someone else's", AccountKind.CUSTOMER, List.of());
        accounts.link(user.id(), account.id());

        var seen = accounts.linkedTo(user.id());
        assertThat(seen).extracting(AccountView::number).containsExactly("T-" + user.id());
        assertThat(seen.get(0).contracts())
                .extracting(ContractView::number)
                .containsExactly("T-" + user.id() + "-1", "T-" + user.id() + "-2");
    }

    @Test
    void demoDataIsAsTheSpecificationLists() {
        Realm acme = sites.findBySlug("acme").orElseThrow().realm();
        var alice = users.findByEmail(acme, "alice@acme.test").orElseThrow();
        assertThat(alice.phone()).isEqualTo("+31201234567");
        assertThat(alice.emailConfirmed()).isTrue();
        assertThat(accounts.linkedTo(alice.id()))
                .hasSize(2)
                .allSatisfy(a -> assertThat(a.contracts()).isNotEmpty());
        var bob = users.findByEmail(acme, "bob@acme.test").orElseThrow();
        assertThat(bob.phone()).isNull();
        Realm globex = sites.findBySlug("globex").orElseThrow().realm();
        assertThat(users.findByEmail(globex, "carol@globex.test")).isPresent();
        assertThat(users.findByEmail(Realm.ADMIN, "admin@latchkey.test")
                        .orElseThrow()
                        .adminRole())
                .isEqualTo(dev.latchkey.users.AdminRole.SYSTEM);
        var contacts = accounts.contactsOf(
                accounts.findByNumber("C-10042").orElseThrow().id());
        assertThat(contacts)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.portalUserId()).isNull());
        assertThat(contacts).anySatisfy(c -> assertThat(c.phone()).doesNotContainPattern("^\\+?[0-9 ()-]+$"));
    }
}
