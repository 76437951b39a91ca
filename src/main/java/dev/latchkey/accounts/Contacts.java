package dev.latchkey.accounts;

import dev.latchkey.accounts.ContactRefusedException.Reason;
import dev.latchkey.phones.ParsedPhone;
import dev.latchkey.phones.PhoneNumbers;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.ContactChange;
import dev.latchkey.users.ContactChanges;
import dev.latchkey.users.EmailTakenException;
import dev.latchkey.users.Invitations;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact persons and their portal users (F-CONTACT): adding and editing contacts, promoting one to a portal user of a
 * site, and applying later edits to that user. Each method is one transaction: when it throws, nothing was changed and
 * no email was queued. The admin pages and the API (F-API) call the same methods.
 *
 * <p>Every change bumps the contact's {@code version}; given the version the caller read, it is made only if that is
 * still current ({@link StaleVersionException}). Deleting a promoted contact person is refused
 * ({@link Reason#HAS_PORTAL_USER}): their portal user would keep the account's access without the contact that granted
 * it. Delete the user on the admin pages first; that unlinks the contact, which can then be deleted.
 */
@Service
public class Contacts {

    private final ContactPersonRepository contacts;
    private final Accounts accounts;
    private final Users users;
    private final ContactChanges contactChanges;
    private final Invitations invitations;
    private final Sites sites;
    private final PhoneNumbers phones;
    private final JdbcClient jdbc;

    Contacts(
            ContactPersonRepository contacts,
            Accounts accounts,
            Users users,
            ContactChanges contactChanges,
            Invitations invitations,
            Sites sites,
            PhoneNumbers phones,
            JdbcClient jdbc) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.users = users;
        this.contactChanges = contactChanges;
        this.invitations = invitations;
        this.sites = sites;
        this.phones = phones;
        this.jdbc = jdbc;
    }

    @Transactional
    public ContactView add(long accountId, ContactDetails details) {
        return accounts.addContact(accountId, details.name(), details.email(), details.phone());
    }

    /**
     * Changes a contact's name, email and phone (the phone is kept as typed). For a promoted contact, the portal user's
     * email (their username) and phone follow as {@link ContactChanges} decides (F-CONTACT-2, ADR 0008): the phone at
     * once, read with the user's site's region and left blank when it cannot be read; the email at once for a user who
     * has not accepted their invitation (a new invitation goes to the new address), and for a user with a password only
     * once they confirm it from the new address. Each change is told to the old address.
     *
     * @throws ContactRefusedException {@code EMAIL_REQUIRED} when a promoted contact's email is removed,
     *     {@code EMAIL_TAKEN} when another user of that site has the new email
     */
    @Transactional
    public ContactUpdate update(long contactId, ContactDetails details, String actor) {
        ContactPerson contact = find(contactId);
        return update(contact, new ContactData(contact.accountId(), null, details), null, actor);
    }

    /**
     * Creates a contact person on an account, with the back office's external id (or none).
     *
     * @throws ContactRefusedException {@code NO_SUCH_ACCOUNT}, {@code EXTERNAL_ID_TAKEN}
     */
    @Transactional
    public ContactView create(ContactData data) {
        if (!accounts.exists(data.accountId())) {
            throw new ContactRefusedException(Reason.NO_SUCH_ACCOUNT);
        }
        if (data.externalId() != null
                && contacts.findByExternalId(data.externalId()).isPresent()) {
            throw new ContactRefusedException(Reason.EXTERNAL_ID_TAKEN);
        }
        ContactDetails d = data.details();
        return Accounts.view(contacts.save(
                new ContactPerson(null, data.accountId(), d.name(), d.email(), d.phone(), null, data.externalId(), 0)));
    }

    /**
     * Changes a contact's account, external id (null: kept) and details as {@link #update(long, ContactDetails,
     * String)} does, the promoted user's email and phone included.
     *
     * @param expectedVersion the version the caller read, or null to change whatever is current
     * @throws NoSuchElementException when there is no such contact
     * @throws StaleVersionException when the contact's version is no longer {@code expectedVersion}
     * @throws ContactRefusedException {@code NO_SUCH_ACCOUNT}, {@code EXTERNAL_ID_TAKEN},
     *     {@code PROMOTED_CONTACT_MOVED} (a promoted contact stays on their account), and those of {@link #update(long,
     *     ContactDetails, String)}
     */
    @Transactional
    public ContactUpdate update(long contactId, ContactData data, Long expectedVersion, String actor) {
        return update(find(contactId), data, expectedVersion, actor);
    }

    /**
     * Creates the contact person with this external id, or changes them as {@link #update(long, ContactData, Long,
     * String)} does; one who already is as given is left alone (their version stays).
     */
    @Transactional
    public Upserted<ContactUpdate> upsert(String externalId, ContactData data, String actor) {
        ContactData withId = new ContactData(data.accountId(), externalId, data.details());
        Optional<ContactPerson> current = contacts.findByExternalId(externalId);
        if (current.isEmpty()) {
            ContactView created = create(withId);
            return new Upserted<>(new ContactUpdate(created, null, null, null, false, false), UpsertOutcome.CREATED);
        }
        if (sameAs(current.get(), withId)) {
            ContactView view = Accounts.view(current.get());
            return new Upserted<>(new ContactUpdate(view, null, null, null, false, false), UpsertOutcome.UNCHANGED);
        }
        return new Upserted<>(update(current.get(), withId, null, actor), UpsertOutcome.UPDATED);
    }

    /**
     * Deletes a contact person who is no portal user.
     *
     * @return false when there is no such contact
     * @throws StaleVersionException when the contact's version is no longer {@code expectedVersion} (null: any)
     * @throws ContactRefusedException {@code HAS_PORTAL_USER} when they were promoted
     */
    @Transactional
    public boolean delete(long contactId, Long expectedVersion) {
        Optional<ContactPerson> contact = contacts.findById(contactId);
        if (contact.isEmpty()) {
            return false;
        }
        if (expectedVersion != null && expectedVersion != contact.get().version()) {
            throw new StaleVersionException();
        }
        if (contact.get().portalUserId() != null) {
            throw new ContactRefusedException(Reason.HAS_PORTAL_USER);
        }
        int rows = jdbc.sql("delete from contact_person where id = ? and version = ? and portal_user_id is null")
                .params(contactId, contact.get().version())
                .update();
        if (rows != 1) {
            throw new StaleVersionException();
        }
        return true;
    }

    /** Up to {@code limit} contacts with an id above {@code afterId} (of one account, or all when null), by id. */
    public List<ContactView> page(long afterId, Long accountId, int limit) {
        String sql = "select * from contact_person where id > :after"
                + (accountId == null ? "" : " and account_id = :account")
                + " order by id limit :limit";
        var spec = jdbc.sql(sql).param("after", afterId).param("limit", limit);
        if (accountId != null) {
            spec = spec.param("account", accountId);
        }
        return spec.query(ContactPerson.class).list().stream()
                .map(Accounts::view)
                .toList();
    }

    public Optional<ContactView> findByExternalId(String externalId) {
        return contacts.findByExternalId(externalId).map(Accounts::view);
    }

    static boolean sameAs(ContactPerson current, ContactData data) {
        ContactDetails d = data.details();
        return current.accountId() == data.accountId()
                && (data.externalId() == null || data.externalId().equals(current.externalId()))
                && current.name().equals(d.name())
                && Objects.equals(current.email(), d.email())
                && Objects.equals(current.phone(), d.phone());
    }

    private ContactUpdate update(ContactPerson contact, ContactData data, Long expectedVersion, String actor) {
        long contactId = contact.id();
        if (expectedVersion != null && expectedVersion != contact.version()) {
            throw new StaleVersionException();
        }
        if (data.accountId() != contact.accountId()) {
            if (contact.portalUserId() != null) {
                throw new ContactRefusedException(Reason.PROMOTED_CONTACT_MOVED);
            }
            if (!accounts.exists(data.accountId())) {
                throw new ContactRefusedException(Reason.NO_SUCH_ACCOUNT);
            }
        }
        String externalId = data.externalId() == null ? contact.externalId() : data.externalId();
        if (externalId != null
                && !externalId.equals(contact.externalId())
                && contacts.findByExternalId(externalId).isPresent()) {
            throw new ContactRefusedException(Reason.EXTERNAL_ID_TAKEN);
        }
        ContactDetails details = data.details();
        int rows = contacts.updateDetails(
                contactId,
                contact.version(),
                data.accountId(),
                details.name(),
                details.email(),
                details.phone(),
                externalId);
        if (rows != 1) {
            throw new StaleVersionException();
        }
        ContactView updated = Accounts.view(find(contactId));
        Optional<UserView> user =
                contact.portalUserId() == null ? Optional.empty() : users.find(contact.portalUserId());
        if (user.isEmpty()) {
            return new ContactUpdate(updated, null, null, null, false, false);
        }
        if (details.email() == null) {
            throw new ContactRefusedException(Reason.EMAIL_REQUIRED);
        }
        SiteView site = sites.findById(user.get().siteId()).orElseThrow();
        ParsedPhone phone = phones.parse(details.phone(), site.defaultRegion());
        ContactChange change;
        try {
            change = contactChanges.apply(user.get().id(), details.email(), phone.e164(), actor);
        } catch (EmailTakenException ex) {
            throw new ContactRefusedException(Reason.EMAIL_TAKEN);
        }
        return new ContactUpdate(
                updated, change.user(), site, phone, change.invitationResent(), change.confirmationSent());
    }

    /**
     * F-CONTACT-1: makes the contact a portal user of the site, with their name, email and phone (read with the site's
     * default region; blank when it cannot be read), an unconfirmed email and no password; links the contact's account
     * to the user; and emails an invitation to choose a password.
     *
     * @throws ContactRefusedException {@code ALREADY_PROMOTED}, {@code NO_EMAIL}, or {@code EMAIL_TAKEN} when the site
     *     already has a user with this email
     */
    @Transactional
    public Promotion promote(long contactId, long siteId, String actor) {
        ContactPerson contact = find(contactId);
        if (contact.portalUserId() != null) {
            throw new ContactRefusedException(Reason.ALREADY_PROMOTED);
        }
        if (contact.email() == null || contact.email().isBlank()) {
            throw new ContactRefusedException(Reason.NO_EMAIL);
        }
        SiteView site = sites.findById(siteId).orElseThrow(() -> new IllegalArgumentException("no such site"));
        ParsedPhone phone = phones.parse(contact.phone(), site.defaultRegion());
        UserView user;
        try {
            user = invitations.invitePortalUser(site.realm(), contact.name(), contact.email(), phone.e164(), actor);
        } catch (EmailTakenException ex) {
            throw new ContactRefusedException(Reason.EMAIL_TAKEN);
        }
        if (contacts.markPromoted(contactId, user.id()) != 1) {
            throw new ContactRefusedException(Reason.ALREADY_PROMOTED);
        }
        accounts.link(user.id(), contact.accountId());
        return new Promotion(Accounts.view(find(contactId)), user, site, phone);
    }

    private ContactPerson find(long contactId) {
        return contacts.findById(contactId).orElseThrow(() -> new NoSuchElementException("no such contact"));
    }
}
