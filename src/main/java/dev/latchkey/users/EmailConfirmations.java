package dev.latchkey.users;

import dev.latchkey.delivery.Emails;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.InvitationStore.Link;
import dev.latchkey.users.InvitationStore.Purpose;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * F-CONTACT-2: a new email address the organisation entered for a user with a password becomes their login only when
 * the user confirms it, by following the link sent to that address and typing their current password. The link proves
 * the address, the password proves the person, so neither an admin nor whoever reads the new mailbox can move the login
 * alone. The link is the invitation machinery's ({@link InvitationStore}, purpose {@code EMAIL}): 256 random bits, only
 * the SHA-256 stored, single use, {@link Invitations#LIFETIME}, bound to the address it was sent to and to its site,
 * and dead after {@link #MAX_TRIES} wrong passwords. It signs nobody in.
 */
@Service
class EmailConfirmations {

    /** Wrong passwords a confirmation link survives. */
    public static final int MAX_TRIES = 5;

    /** What {@link #confirm} did. */
    public enum Outcome {
        /** The new address is the user's confirmed login now. */
        CONFIRMED,
        /** The password was wrong; the link works for the tries left, if any. */
        WRONG_PASSWORD,
        /** Unknown, malformed, used, expired, replaced, out of tries, or of another site: nothing changed. */
        UNUSABLE,
        /** Another user of the site signs in with this address by now: nothing changed. */
        TAKEN,
        /** The user's wrong proofs put them in a delay; nothing was checked or changed. */
        DELAYED
    }

    private static final Logger log = LoggerFactory.getLogger(EmailConfirmations.class);

    private final InvitationStore store;
    private final Invitations invitations;
    private final Users users;
    private final AccountNotifications notifications;
    private final Emails emails;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    EmailConfirmations(
            InvitationStore store,
            Invitations invitations,
            Users users,
            AccountNotifications notifications,
            Emails emails,
            Clock clock,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.invitations = invitations;
        this.users = users;
        this.notifications = notifications;
        this.emails = emails;
        this.clock = clock;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The address a live link of this site would confirm; empty for any link that cannot be used. */
    public Optional<String> pendingAddress(Realm realm, String token) {
        return link(realm, token).map(Link::email);
    }

    /**
     * Confirms the pending address of the link's user when {@code password} is theirs. Each call with a live link takes
     * one of its {@link #MAX_TRIES} tries before the password is checked, and the link is used up by a conditional
     * update, so of concurrent calls at most one confirms. The password hash is computed outside any transaction. Every
     * refusal is logged in one line, without the token.
     */
    public Outcome confirm(Realm realm, String token, String password) {
        Optional<Link> link = link(realm, token);
        if (link.isEmpty()) {
            log.info("Email confirmation refused on {}: the link is unknown, used, expired or replaced", realm.key());
            return Outcome.UNUSABLE;
        }
        long userId = link.get().userId();
        String hash = Invitations.hash(token);
        // the typed password is a proof like any other (ProofGate): the user's delays, count and lock apply across
        // links, so a fresh link never buys fresh guesses
        Users.ProofAdmission admission = users.admitProof(userId);
        if (admission.locked()) {
            return refused(realm, userId, "LOCKED", Outcome.UNUSABLE);
        }
        if (!admission.admitted()) {
            return refused(realm, userId, "DELAYED", Outcome.DELAYED);
        }
        if (!store.takeAttempt(hash, Purpose.EMAIL, clock.instant(), MAX_TRIES)) {
            users.releaseSecondFactorAttempt(userId);
            return refused(realm, userId, "TRIES_SPENT", Outcome.UNUSABLE);
        }
        boolean right;
        try {
            right = users.passwordMatches(userId, password);
        } catch (RuntimeException unchecked) {
            users.releaseSecondFactorAttempt(userId);
            throw unchecked;
        }
        if (!right) {
            users.lockWhenOverLimit(userId);
            store.revokeWhenSpent(hash, clock.instant(), MAX_TRIES);
            return refused(realm, userId, "WRONG_PASSWORD", Outcome.WRONG_PASSWORD);
        }
        users.recordSecondFactorSuccess(userId);
        try {
            return transaction.execute(status -> apply(realm, hash, link.get(), status));
        } catch (EmailTakenException ex) {
            log.info("Email confirmation refused for user {} on {}: the address is taken", userId, realm.key());
            return Outcome.TAKEN;
        }
    }

    /** Sends a link confirming {@code address} to that address; earlier confirmation links of the user die. */
    void send(UserView user, Realm realm, String address) {
        Instant now = clock.instant();
        Instant expires = now.plus(Invitations.LIFETIME);
        store.revokeUnused(user.id(), Purpose.EMAIL, now);
        String token = Invitations.newToken();
        store.save(user.id(), Purpose.EMAIL, address, Invitations.hash(token), now, expires);
        emails.send(
                address,
                "mail.contact.confirm",
                new Object[] {
                    user.displayName(),
                    realm.name(),
                    invitations.url(realm, "confirm-email", token),
                    Emails.TIME.format(expires)
                },
                "confirm-email:" + user.id(),
                realm.key(),
                user.id());
    }

    /** Ends the user's confirmation links, when the pending address is withdrawn. */
    void revoke(long userId) {
        store.revokeUnused(userId, Purpose.EMAIL, clock.instant());
    }

    /** Whether a confirmation link of the user can still be used. */
    boolean hasLiveLink(long userId) {
        return store.hasUsable(userId, Purpose.EMAIL, clock.instant());
    }

    private Outcome apply(Realm realm, String hash, Link link, org.springframework.transaction.TransactionStatus tx) {
        UserView before = users.find(link.userId()).orElseThrow();
        if (!store.use(hash, Purpose.EMAIL, clock.instant())
                || !users.confirmPendingEmail(link.userId(), link.email())) {
            tx.setRollbackOnly();
            log.info("Email confirmation refused for user {} on {}: used meanwhile", link.userId(), realm.key());
            return Outcome.UNUSABLE;
        }
        // a password link mailed to the old address must not outlive the move
        store.revokePasswordLinks(link.userId(), clock.instant());
        UserView after = users.find(link.userId()).orElseThrow();
        notifications.emailConfirmed(after, before.email(), after.email());
        events.publishEvent(new EmailChangeConfirmed(after.id(), realm.key()));
        return Outcome.CONFIRMED;
    }

    private Outcome refused(Realm realm, long userId, String reason, Outcome outcome) {
        log.info("Email confirmation refused for user {} on {}: {}", userId, realm.key(), reason);
        events.publishEvent(new EmailConfirmationRefused(userId, realm.key(), reason));
        return outcome;
    }

    private Optional<Link> link(Realm realm, String token) {
        if (!Invitations.wellFormed(token) || realm.isAdmin()) {
            return Optional.empty();
        }
        return store.usable(Invitations.hash(token), Purpose.EMAIL, clock.instant())
                .filter(l -> Invitations.belongsTo(users.find(l.userId()), realm));
    }
}
