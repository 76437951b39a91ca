package dev.latchkey.accounts;

import dev.latchkey.accounts.AccountRefusedException.Reason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts, their contracts and contact persons, and the links between portal users and accounts.
 *
 * <p>Changes through the API (F-API): an account is created, replaced (its contract list with it), upserted by the back
 * office's external id, listed by id and deleted here. Every change bumps the account's {@code version}; given the
 * version the caller read, the change is made only if it is still current ({@link StaleVersionException}). Deleting: an
 * account that has contact persons or portal users linked to it is refused ({@link Reason#IN_USE}), so a delete never
 * takes a portal user's access or a contact person with it; its contracts go with it.
 */
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
        return create(new AccountData(number, name, kind, null, contracts));
    }

    /**
     * Creates an account with its contracts.
     *
     * @throws AccountRefusedException {@code NUMBER_TAKEN}, {@code EXTERNAL_ID_TAKEN} or {@code CONTRACT_TAKEN}
     */
    @Transactional
    public AccountView create(AccountData data) {
        checkFree(null, data);
        Set<Contract> rows = data.contracts().stream()
                .map(c -> new Contract(null, c.number(), c.type(), c.status()))
                .collect(Collectors.toSet());
        return view(
                accounts.save(new Account(null, data.number(), data.name(), data.kind(), data.externalId(), 0, rows)));
    }

    /**
     * Replaces an account's number, name, kind, external id (null: kept) and contracts, and bumps its version.
     *
     * @param expectedVersion the version the caller read, or null to change whatever is current
     * @throws NoSuchElementException when there is no such account
     * @throws StaleVersionException when the account's version is no longer {@code expectedVersion}
     * @throws AccountRefusedException {@code NUMBER_TAKEN}, {@code EXTERNAL_ID_TAKEN} or {@code CONTRACT_TAKEN}
     */
    @Transactional
    public AccountView update(long id, AccountData data, Long expectedVersion) {
        Account current = accounts.findById(id).orElseThrow(() -> new NoSuchElementException("no such account"));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersionException();
        }
        checkFree(id, data);
        String externalId = data.externalId() == null ? current.externalId() : data.externalId();
        String sql = "update account set number = ?, name = ?, kind = ?, external_id = ?, version = version + 1"
                + " where id = ? and version = ?";
        int rows = jdbc.sql(sql)
                .params(data.number(), data.name(), data.kind().name(), externalId, id, current.version())
                .update();
        if (rows != 1) {
            throw new StaleVersionException();
        }
        jdbc.sql("delete from contract where account_id = ?").params(id).update();
        for (AccountView.ContractView c : data.contracts()) {
            jdbc.sql("insert into contract (account_id, number, kind, status) values (?, ?, ?, ?)")
                    .params(id, c.number(), c.type(), c.status())
                    .update();
        }
        return findById(id).orElseThrow();
    }

    /**
     * Creates the account with this external id, or replaces it as {@link #update} does; an account that is already as
     * given is left alone (its version stays).
     */
    @Transactional
    public Upserted<AccountView> upsert(String externalId, AccountData data) {
        AccountData withId = new AccountData(data.number(), data.name(), data.kind(), externalId, data.contracts());
        Optional<Account> current = accounts.findByExternalId(externalId);
        if (current.isEmpty()) {
            return new Upserted<>(create(withId), UpsertOutcome.CREATED);
        }
        AccountView view = view(current.get());
        if (sameAs(view, withId)) {
            return new Upserted<>(view, UpsertOutcome.UNCHANGED);
        }
        return new Upserted<>(update(view.id(), withId, null), UpsertOutcome.UPDATED);
    }

    /**
     * Deletes an account with its contracts.
     *
     * @return false when there is no such account
     * @throws StaleVersionException when the account's version is no longer {@code expectedVersion} (null: any)
     * @throws AccountRefusedException {@code IN_USE} when contact persons or portal users are linked to it
     */
    @Transactional
    public boolean delete(long id, Long expectedVersion) {
        Optional<Account> current = accounts.findById(id);
        if (current.isEmpty()) {
            return false;
        }
        if (expectedVersion != null && expectedVersion != current.get().version()) {
            throw new StaleVersionException();
        }
        long links = jdbc.sql("select (select count(*) from contact_person where account_id = ?)"
                        + " + (select count(*) from user_account where account_id = ?)")
                .params(id, id)
                .query(Long.class)
                .single();
        if (links > 0) {
            throw new AccountRefusedException(Reason.IN_USE);
        }
        jdbc.sql("delete from contract where account_id = ?").params(id).update();
        if (jdbc.sql("delete from account where id = ? and version = ?")
                        .params(id, current.get().version())
                        .update()
                != 1) {
            throw new StaleVersionException();
        }
        return true;
    }

    /** Up to {@code limit} accounts with an id above {@code afterId}, by id, each with its contracts. */
    public List<AccountView> page(long afterId, int limit) {
        List<Account> rows = jdbc.sql("select id, number, name, kind, external_id, version from account"
                        + " where id > ? order by id limit ?")
                .params(afterId, limit)
                .query((rs, row) -> new Account(
                        rs.getLong("id"),
                        rs.getString("number"),
                        rs.getString("name"),
                        AccountKind.valueOf(rs.getString("kind")),
                        rs.getString("external_id"),
                        rs.getLong("version"),
                        new HashSet<>()))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Account> byId = new HashMap<>();
        rows.forEach(a -> byId.put(a.id(), a));
        jdbc.sql("select account_id, number, kind, status from contract where account_id in (:ids)")
                .param("ids", byId.keySet())
                .query(rs -> {
                    byId.get(rs.getLong("account_id"))
                            .contracts()
                            .add(new Contract(
                                    null, rs.getString("number"), rs.getString("kind"), rs.getString("status")));
                });
        return rows.stream().map(Accounts::view).toList();
    }

    public Optional<AccountView> findByExternalId(String externalId) {
        return accounts.findByExternalId(externalId).map(Accounts::view);
    }

    /** The ids of the accounts with these external ids; an unknown external id is not in the map. */
    public Map<String, Long> idsByExternalId(Collection<String> externalIds) {
        Map<String, Long> ids = new HashMap<>();
        if (externalIds.isEmpty()) {
            return ids;
        }
        jdbc.sql("select id, external_id from account where external_id in (:ids)")
                .param("ids", externalIds)
                .query(rs -> {
                    ids.put(rs.getString("external_id"), rs.getLong("id"));
                });
        return ids;
    }

    boolean exists(long accountId) {
        return accounts.existsById(accountId);
    }

    private void checkFree(Long id, AccountData data) {
        long self = id == null ? -1 : id;
        if (jdbc.sql("select count(*) from account where number = ? and id <> ?")
                        .params(data.number(), self)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new AccountRefusedException(Reason.NUMBER_TAKEN);
        }
        if (data.externalId() != null
                && jdbc.sql("select count(*) from account where external_id = ? and id <> ?")
                                .params(data.externalId(), self)
                                .query(Long.class)
                                .single()
                        > 0) {
            throw new AccountRefusedException(Reason.EXTERNAL_ID_TAKEN);
        }
        List<String> numbers = new ArrayList<>(
                data.contracts().stream().map(AccountView.ContractView::number).toList());
        if (new HashSet<>(numbers).size() != numbers.size()) {
            throw new AccountRefusedException(Reason.CONTRACT_TAKEN);
        }
        if (!numbers.isEmpty()
                && jdbc.sql("select count(*) from contract where number in (:numbers) and account_id <> :id")
                                .param("numbers", numbers)
                                .param("id", self)
                                .query(Long.class)
                                .single()
                        > 0) {
            throw new AccountRefusedException(Reason.CONTRACT_TAKEN);
        }
    }

    private static boolean sameAs(AccountView current, AccountData data) {
        List<AccountView.ContractView> contracts = data.contracts().stream()
                .sorted(Comparator.comparing(AccountView.ContractView::number))
                .toList();
        return current.number().equals(data.number())
                && current.name().equals(data.name())
                && current.kind() == data.kind()
                && Objects.equals(current.externalId(), data.externalId())
                && current.contracts().equals(contracts);
    }

    @Transactional
    public void link(long userId, long accountId) {
        jdbc.sql("insert into user_account (user_id, account_id) values (?, ?)")
                .params(userId, accountId)
                .update();
    }

    @Transactional
    public ContactView addContact(long accountId, String name, String email, String phone) {
        return view(contacts.save(new ContactPerson(null, accountId, name, email, phone, null, null, 0)));
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
        return new AccountView(
                account.id(),
                account.number(),
                account.name(),
                account.kind(),
                contracts,
                account.externalId(),
                account.version());
    }

    static ContactView view(ContactPerson c) {
        return new ContactView(
                c.id(), c.accountId(), c.name(), c.email(), c.phone(), c.portalUserId(), c.externalId(), c.version());
    }
}
