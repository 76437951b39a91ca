package dev.latchkey.accounts;

import static dev.latchkey.accounts.AccountChangesIntegrationTests.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.accounts.BulkContacts.Line;
import dev.latchkey.accounts.BulkContacts.Report;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** F-API bulk: the streamed sync classifies every line and writes the good ones; promoted users follow. */
@IntegrationTest
class BulkContactsIntegrationTests {

    @Autowired
    BulkContacts bulk;

    @Autowired
    Accounts accounts;

    @Autowired
    Contacts contacts;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Test
    void createsThenUpdatesAndLeavesAloneOverSeveralBatches() {
        String account = account();
        String prefix = unique("b-");
        int n = BulkContacts.BATCH + 500;
        List<Line> first = IntStream.range(0, n)
                .mapToObj(i -> Line.of(i + 1, prefix + i, account, new ContactDetails("P " + i, null, null)))
                .toList();

        Report created = bulk.sync(first.iterator(), "test");
        assertThat(created.created()).isEqualTo(n);
        assertThat(created.refused()).isZero();

        List<Line> second = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = i % 10 == 0 ? "Changed " + i : "P " + i;
            second.add(Line.of(i + 1, prefix + i, account, new ContactDetails(name, null, null)));
        }
        Report changed = bulk.sync(second.iterator(), "test");
        assertThat(changed.created()).isZero();
        assertThat(changed.updated()).isEqualTo((n + 9) / 10);
        assertThat(changed.unchanged()).isEqualTo(n - changed.updated());
        ContactView tenth = contacts.findByExternalId(prefix + 10).orElseThrow();
        assertThat(tenth.name()).isEqualTo("Changed 10");
        assertThat(tenth.version()).isEqualTo(1);
        assertThat(contacts.findByExternalId(prefix + 11).orElseThrow().version())
                .isZero();
    }

    @Test
    void badLinesAreRefusedWithTheirNumbersAndTheOthersWritten() {
        String account = account();
        String good = unique("g-");
        String twice = unique("t-");
        List<Line> lines = List.of(
                Line.of(1, good, account, new ContactDetails("Good", null, null)),
                Line.refused(2, null, List.of("unreadable JSON")),
                Line.of(3, unique("u-"), "no-such-account-" + good, new ContactDetails("Lost", null, null)),
                Line.of(4, twice, account, new ContactDetails("Once", null, null)),
                Line.of(5, twice, account, new ContactDetails("Twice", null, null)),
                Line.refused(6, unique("v-"), List.of("name: must not be blank")));

        Report report = bulk.sync(lines.iterator(), "test");

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.refused()).isEqualTo(4);
        assertThat(report.refusals()).extracting(BulkContacts.Refusal::line).containsExactlyInAnyOrder(2L, 3L, 5L, 6L);
        assertThat(report.refusalsTruncated()).isFalse();
        assertThat(contacts.findByExternalId(twice).orElseThrow().name()).isEqualTo("Once");
        assertThat(contacts.findByExternalId(good)).isPresent();
    }

    @Test
    void refusalsAreCappedButAllCounted() {
        int n = BulkContacts.MAX_REFUSALS + 5;
        Report report = bulk.sync(
                IntStream.range(0, n)
                        .mapToObj(i -> Line.refused(i + 1, null, List.of("unreadable JSON")))
                        .iterator(),
                "test");
        assertThat(report.refused()).isEqualTo(n);
        assertThat(report.refusals()).hasSize(BulkContacts.MAX_REFUSALS);
        assertThat(report.refusalsTruncated()).isTrue();
    }

    @Test
    void aPromotedContactsNewEmailAndPhoneReachTheirUser() {
        String account = account();
        String externalId = unique("p-");
        String email = unique("p") + "@example.com";
        bulk.sync(
                List.of(Line.of(1, externalId, account, new ContactDetails("Pat", email, null)))
                        .iterator(),
                "test");
        ContactView contact = contacts.findByExternalId(externalId).orElseThrow();
        Promotion promotion = contacts.promote(
                contact.id(), sites.findBySlug("acme").orElseThrow().id(), "test");

        String newEmail = unique("n") + "@example.com";
        Report report = bulk.sync(
                List.of(Line.of(1, externalId, account, new ContactDetails("Pat", newEmail, "020 123 4567")))
                        .iterator(),
                "api-token:test");

        assertThat(report.updated()).isEqualTo(1);
        UserView user = users.find(promotion.user().id()).orElseThrow();
        assertThat(user.email()).isEqualTo(newEmail);
        assertThat(user.phone()).isEqualTo("+31201234567");
    }

    private String account() {
        String externalId = unique("acc-");
        accounts.upsert(externalId, AccountChangesIntegrationTests.data(unique("B"), List.of()));
        return externalId;
    }
}
