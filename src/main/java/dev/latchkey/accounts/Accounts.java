package dev.latchkey.accounts;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts, their contracts and contact persons, and the links between portal users and accounts. */
@Service
public class Accounts {

    private final AccountRepository accounts;
    private final ContactPersonRepository contacts;
    private final JdbcClient jdbc;

    Accounts(AccountRepository accounts, ContactPersonRepository contacts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.jdbc = jdbc;
    }

    /** The accounts a portal user sees, each with its contracts sorted by number. */
    public List<AccountView> linkedTo(long userId) {
        return accounts.findLinkedTo(userId).stream().map(Accounts::view).toList();
    }

    public Optional<AccountView> findByNumber(String number) {
        return accounts.findByNumber(number).map(Accounts::view);
    }

    public Optional<AccountView> findById(long id) {
        return accounts.findById(id).map(Accounts::view);
    }

    /**
     * Accounts whose number or name contains {@code query} (any case; blank: all), by number, at most {@code limit}.
     */
    public List<AccountSummary> search(String query, int limit) {
        String pattern = "%" + escapeLike(query == null ? "" : query.strip().toLowerCase(Locale.ROOT)) + "%";
        return jdbc.sql("select a.id, a.number, a.name, a.kind,"
                        + " (select count(*) from contact_person c where c.account_id = a.id) as contacts"
                        + " from account a where lower(a.number) like ? escape '!' or lower(a.name) like ? escape '!'"
                        + " order by a.number limit ?")
                .params(pattern, pattern, limit)
                .query((rs, row) -> new AccountSummary(
                        rs.getLong("id"),
                        rs.getString("number"),
                        rs.getString("name"),
                        AccountKind.valueOf(rs.getString("kind")),
                        rs.getInt("contacts")))
                .list();
    }

    private static String escapeLike(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Creates an account; each contract is given as {@code number, type, status}. */
    @Transactional
    public AccountView create(String number, String name, AccountKind kind, List<AccountView.ContractView> contracts) {
        Set<Contract> rows = contracts.stream()
                .map(c -> new Contract(null, c.number(), c.type(), c.status()))
                .collect(Collectors.toSet());
        return view(accounts.save(new Account(null, number, name, kind, rows)));
    }

    @Transactional
    public void link(long userId, long accountId) {
        jdbc.sql("insert into user_account (user_id, account_id) values (?, ?)")
                .params(userId, accountId)
                .update();
    }

    @Transactional
    public ContactView addContact(long accountId, String name, String email, String phone) {
        return view(contacts.save(new ContactPerson(null, accountId, name, email, phone, null)));
    }

    public Optional<ContactView> findContact(long contactId) {
        return contacts.findById(contactId).map(Accounts::view);
    }

    public List<ContactView> contactsOf(long accountId) {
        return contacts.findByAccountIdOrderByName(accountId).stream()
                .map(Accounts::view)
                .toList();
    }

    private static AccountView view(Account account) {
        List<AccountView.ContractView> contracts = account.contracts().stream()
                .sorted(Comparator.comparing(Contract::number))
                .map(c -> new AccountView.ContractView(c.number(), c.kind(), c.status()))
                .toList();
        return new AccountView(account.id(), account.number(), account.name(), account.kind(), contracts);
    }

    static ContactView view(ContactPerson c) {
        return new ContactView(c.id(), c.accountId(), c.name(), c.email(), c.phone(), c.portalUserId());
    }
}
