package dev.latchkey.users;

import dev.latchkey.phones.PhoneNumbers;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.ContactDetailsChanged.Email;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * F-CONTACT-2 (ADR 0008): the organisation changes a user's email address or phone. The one place that decides what
 * such a change does:
 *
 * <ul>
 *   <li>Every change is told to the address the user had before it, at once ({@link AccountNotifications}).
 *   <li>A user with a password keeps signing in with their confirmed address. The new one waits as
 *       {@link UserView#pendingEmail()} and gets only a confirmation link ({@link EmailConfirmations}); codes,
 *       invitation and reset links keep going to the confirmed address until the user confirms. So an admin who enters
 *       an address of their own cannot reset the password through it.
 *   <li>A user without a password yet (invited) has nothing to take over: their address changes at once, and the
 *       invitation, which confirms the address it reaches, goes to the new one instead.
 *   <li>A phone changes at once (an unreadable one is stored blank by the caller, F-CONTACT-3); it is only ever a
 *       second factor, never where a password link goes.
 * </ul>
 */
@Service
public class ContactChanges {

    private final Users users;
    private final Sites sites;
    private final Invitations invitations;
    private final EmailConfirmations confirmations;
    private final AccountNotifications notifications;
    private final ApplicationEventPublisher events;
    private final PhoneNumbers phones;

    ContactChanges(
            Users users,
            Sites sites,
            Invitations invitations,
            EmailConfirmations confirmations,
            AccountNotifications notifications,
            ApplicationEventPublisher events,
            PhoneNumbers phones) {
        this.users = users;
        this.sites = sites;
        this.invitations = invitations;
        this.confirmations = confirmations;
        this.notifications = notifications;
        this.events = events;
        this.phones = phones;
    }

    /**
     * Gives a portal user the email address and phone the organisation entered, as described above, in the caller's
     * transaction (or a new one); audited as {@link ContactDetailsChanged} when something changed.
     *
     * @param phone E.164 ({@code +31201234567}) or null for no phone
     * @throws EmailTakenException when another user of the same site signs in with this email; nothing is changed
     * @throws IllegalArgumentException for an unknown user, a blank email or a phone that is not a valid E.164 number
     *     ({@link PhoneNumbers#isValidE164})
     */
    @Transactional
    public ContactChange apply(long userId, String email, String phone, String actor) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("a user needs an email address");
        }
        if (phone != null && !phones.isValidE164(phone)) {
            throw new IllegalArgumentException("phone must be E.164 or null");
        }
        String address = email.strip();
        UserView before = users.find(userId).orElseThrow(() -> new IllegalArgumentException("no such user"));
        Realm realm = sites.realmOf(before.siteId());
        Email change = emailChange(before, address);
        boolean phoneChanged = !Objects.equals(phone, before.phone());
        switch (change) {
            case CHANGED -> {
                users.storeEmail(userId, address);
                confirmations.revoke(userId);
            }
            case PENDING -> users.storePendingEmail(userId, address);
            case WITHDRAWN -> {
                users.storePendingEmail(userId, null);
                confirmations.revoke(userId);
            }
            case NONE -> {}
        }
        if (phoneChanged) {
            users.storePhone(userId, phone);
        }
        UserView after = users.find(userId).orElseThrow();
        boolean invitationResent = false;
        if (change == Email.PENDING) {
            confirmations.send(after, realm, address);
            notifications.contactChanged(after, before.email(), "mail.contact.emailPending", actor);
        } else if (change == Email.CHANGED) {
            notifications.contactChanged(after, before.email(), "mail.contact.emailChanged", actor);
            invitationResent = !sameMailbox(before.email(), address) && invitations.resend(userId, actor);
        }
        if (phoneChanged) {
            notifications.contactChanged(after, before.email(), "mail.contact.phoneChanged", actor);
        }
        if (change != Email.NONE || phoneChanged) {
            events.publishEvent(new ContactDetailsChanged(userId, realm.key(), change, phoneChanged, actor));
        }
        return new ContactChange(after, change == Email.PENDING, invitationResent);
    }

    private Email emailChange(UserView user, String address) {
        if (address.equals(user.email())) {
            return user.pendingEmail() == null ? Email.NONE : Email.WITHDRAWN;
        }
        // the same mailbox written otherwise, or a user who has nothing to take over yet: the login follows at once
        if (sameMailbox(user.email(), address) || !users.hasPassword(user.id())) {
            return Email.CHANGED;
        }
        // already waiting for this address with a live link: nothing new to send
        if (address.equals(user.pendingEmail()) && confirmations.hasLiveLink(user.id())) {
            return Email.NONE;
        }
        return Email.PENDING;
    }

    private static boolean sameMailbox(String a, String b) {
        return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
