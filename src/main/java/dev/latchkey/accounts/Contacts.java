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
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact persons and their portal users (F-CONTACT): adding and editing contacts, promoting one to a portal user of a
 * site, and applying later edits to that user. Each method is one transaction: when it throws, nothing was changed and
 * no email was queued.
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

    Contacts(
            ContactPersonRepository contacts,
            Accounts accounts,
            Users users,
            ContactChanges contactChanges,
            Invitations invitations,
            Sites sites,
            PhoneNumbers phones) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.users = users;
        this.contactChanges = contactChanges;
        this.invitations = invitations;
        this.sites = sites;
        this.phones = phones;
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
        contacts.updateDetails(contactId, details.name(), details.email(), details.phone());
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
        return contacts.findById(contactId).orElseThrow(() -> new IllegalArgumentException("no such contact"));
    }
}
