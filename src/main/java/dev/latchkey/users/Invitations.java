package dev.latchkey.users;

import dev.latchkey.delivery.Emails;
import dev.latchkey.shared.LatchkeyProperties;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.InvitationStore.Purpose;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations (F-CONTACT-1, F-ADMIN-7): a new portal user gets an email with a link where they choose their first
 * password. The link holds 256 random bits, works once and for {@link #LIFETIME}; only its SHA-256 is stored. Choosing
 * the password also confirms the email address, since the link could only be read there.
 */
@Service
public class Invitations {

    /** How long an invitation link works. */
    public static final Duration LIFETIME = Duration.ofHours(24);

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InvitationStore store;
    private final Users users;
    private final Sites sites;
    private final Emails emails;
    private final LatchkeyProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final PasswordPolicy passwords;

    Invitations(
            InvitationStore store,
            Users users,
            Sites sites,
            Emails emails,
            LatchkeyProperties properties,
            Clock clock,
            ApplicationEventPublisher events,
            PasswordPolicy passwords) {
        this.passwords = passwords;
        this.store = store;
        this.users = users;
        this.sites = sites;
        this.emails = emails;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Creates a portal user without a password and with an unconfirmed email, and emails them an invitation, in the
     * caller's transaction (or a new one): the email goes out only if the user is created.
     *
     * @param phone E.164 or null
     * @throws EmailTakenException when the site already has a user with this email; nothing is changed
     */
    @Transactional
    public UserView invitePortalUser(Realm site, String displayName, String email, String phone, String actor) {
        if (site.isAdmin()) {
            throw new IllegalArgumentException("portal users belong to a site");
        }
        UserView user = users.create(site, new NewUser(email, displayName, null, false, phone, false, null));
        send(user, site, actor, Kind.INVITATION, LIFETIME);
        return user;
    }

    /**
     * Sends a fresh invitation to a user who has not chosen a password yet, to their current email address; earlier
     * links stop working. Answers false, and sends nothing, for a user who already has a password. Admin users are not
     * invited this way (yet).
     */
    @Transactional
    public boolean resend(long userId, String actor) {
        UserView user = users.find(userId).orElseThrow(() -> new IllegalArgumentException("no such user"));
        if (users.hasPassword(userId)) {
            return false;
        }
        send(user, realmOf(user), actor, Kind.INVITATION, LIFETIME);
        return true;
    }

    /**
     * F-ADMIN-7 "Create admin user": an admin without a password, invited to {@code /admin/invitation/{token}}. A site
     * admin manages the users of {@code siteIds} only.
     */
    @Transactional
    public UserView inviteAdmin(
            String displayName, String email, AdminRole role, java.util.Set<Long> siteIds, String actor) {
        UserView admin = users.create(Realm.ADMIN, new NewUser(email, displayName, null, false, null, false, role));
        users.assignSites(admin.id(), role == AdminRole.SITE ? siteIds : java.util.Set.of());
        send(admin, Realm.ADMIN, actor, Kind.ADMIN_INVITATION, LIFETIME);
        return admin;
    }

    /**
     * F-ADMIN-3 "Send password reset": a single-use link valid {@link #LIFETIME} to choose a new password; earlier
     * links stop working. Following it ends the user's other sessions. The link goes to the address the user signs in
     * with, never to a new address that waits for confirmation ({@link UserView#pendingEmail()}), so an admin who
     * changed the address cannot reset the password through it.
     */
    @Transactional
    public void sendPasswordReset(long userId, String actor) {
        UserView user = users.find(userId).orElseThrow(() -> new IllegalArgumentException("no such user"));
        send(user, realmOf(user), actor, Kind.ADMIN_RESET, LIFETIME);
        events.publishEvent(new PasswordResetSent(user.id(), realmOf(user).key(), actor));
    }

    /**
     * Whether the token is a live invitation (or admin-sent reset) of a user of this site: unused, unexpired, not
     * replaced. A "Forgot password?" link is not one: it works on the reset page only.
     */
    public boolean isUsable(Realm realm, String token) {
        return invitee(realm, token, Purpose.PASSWORD).isPresent();
    }

    /**
     * What {@link PasswordPolicy} says of a password chosen through a live link of this realm, in the context of the
     * site and the invitee's address; empty when it may be stored. An unusable link is {@link #accept}'s to refuse.
     */
    public Optional<String> passwordProblem(Realm realm, String token, String password, String confirmation) {
        return passwordProblem(realm, token, password, confirmation, Purpose.PASSWORD);
    }

    Optional<String> passwordProblem(Realm realm, String token, String password, String confirmation, Purpose purpose) {
        String email = invitee(realm, token, purpose)
                .flatMap(users::find)
                .map(UserView::email)
                .orElse(null);
        return passwords.problem(password, confirmation, new PasswordPolicy.Context(realm.name(), email));
    }

    /**
     * Sets the user's first password with an invitation token and confirms their email. Single use by construction: the
     * token is used up by a conditional update, so of two concurrent calls exactly one succeeds.
     *
     * @return false, with nothing changed, for an unknown, used, expired, replaced or other-realm token
     */
    @Transactional
    public boolean accept(Realm realm, String token, String password) {
        Optional<UsedLink> used = usePasswordLink(realm, token, password, Purpose.PASSWORD);
        // an admin-sent reset is told and audited as a reset; a first password as an accepted invitation
        used.ifPresent(link -> events.publishEvent(
                link.hadPassword()
                        ? new PasswordWasReset(link.userId(), realm.key(), null, null)
                        : new InvitationAccepted(link.userId(), realm.key())));
        return used.isPresent();
    }

    /** A password link that was used: its user, and whether they had a password before (a reset, not a first one). */
    record UsedLink(long userId, boolean hadPassword) {}

    /**
     * Uses up a password link of this realm (an invitation, an admin's reset or a "Forgot password?" link), stores the
     * new password and confirms the email address the link was read at. Single use by a conditional update.
     *
     * @return the user, or empty with nothing changed for an unknown, used, expired, replaced or other-realm token
     */
    @Transactional
    Optional<UsedLink> usePasswordLink(Realm realm, String token, String password, Purpose purpose) {
        Optional<Long> userId = invitee(realm, token, purpose);
        if (userId.isEmpty() || !store.use(hash(token), purpose, clock.instant())) {
            return Optional.empty();
        }
        boolean hadPassword = users.hasPassword(userId.get());
        users.setPassword(userId.get(), password);
        users.confirmEmail(userId.get());
        revokePasswordLinks(userId.get());
        return Optional.of(new UsedLink(userId.get(), hadPassword));
    }

    /**
     * Ends every unused link of the user that sets a password (invitation, admin-sent reset, "Forgot password?"): after
     * a new password, and after a new sign-in address is confirmed, a link mailed earlier must not work.
     */
    @Transactional
    public void revokePasswordLinks(long userId) {
        store.revokePasswordLinks(userId, clock.instant());
    }

    /** F-ACCOUNT-2: a password changed on the Security page ends the links mailed before it. */
    @EventListener
    void on(PasswordChanged event) {
        revokePasswordLinks(event.userId());
    }

    /**
     * F-ACCOUNT-1: a "Forgot password?" link, valid {@code lifetime}, to {@code {realm}/password-reset/{token}}; the
     * user's earlier "Forgot password?" links stop working, an invitation or an admin's link does not. Runs in the
     * caller's transaction.
     */
    void sendSelfServiceReset(UserView user, Realm realm, Duration lifetime) {
        send(user, realm, null, Kind.SELF_RESET, lifetime);
    }

    /** Whether the token is a live "Forgot password?" link of a user of this realm. */
    boolean isUsableReset(Realm realm, String token) {
        return invitee(realm, token, Purpose.RESET).isPresent();
    }

    private Optional<Long> invitee(Realm realm, String token, Purpose purpose) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return store.usable(hash(token), purpose, clock.instant())
                .map(InvitationStore.Link::userId)
                .filter(id -> belongsTo(users.find(id), realm));
    }

    /** Whether the user exists and signs in to {@code realm}: a link works only on its own site. */
    static boolean belongsTo(Optional<UserView> user, Realm realm) {
        return user.filter(u -> Objects.equals(u.siteId(), realm.siteId()) && u.isAdmin() == realm.isAdmin())
                .isPresent();
    }

    /**
     * The kinds of password link this class mails: which texts the mail uses ({@code <mailKey>.mail.*} in the message
     * bundles), which page the link opens, and what the link may be used for.
     */
    enum Kind {
        /** F-ADMIN-7: a new portal user chooses a first password. */
        INVITATION("invitation", "invitation", Purpose.PASSWORD),
        /** F-ADMIN-7: a new admin chooses a first password. */
        ADMIN_INVITATION("invitation.admin", "invitation", Purpose.PASSWORD),
        /** F-ADMIN-3: an admin's "Send password reset", opened on the invitation page. */
        ADMIN_RESET("reset", "invitation", Purpose.PASSWORD),
        /** F-ACCOUNT-1: "Forgot password?", opened on the reset page only. */
        SELF_RESET("reset.self", "password-reset", Purpose.RESET);

        private final String mailKey;
        private final String page;
        private final Purpose purpose;

        Kind(String mailKey, String page, Purpose purpose) {
            this.mailKey = mailKey;
            this.page = page;
            this.purpose = purpose;
        }

        /** The prefix of the mail's message keys, e.g. {@code invitation.admin}. */
        String mailKey() {
            return mailKey;
        }

        /** The path segment of the link's page, e.g. {@code password-reset}. */
        String page() {
            return page;
        }

        Purpose purpose() {
            return purpose;
        }

        /** Whether this link invites a new user (and so is audited as an invitation). */
        boolean invites() {
            return this == INVITATION || this == ADMIN_INVITATION;
        }
    }

    private void send(UserView user, Realm realm, String actor, Kind kind, Duration lifetime) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        store.revokeUnused(user.id(), kind.purpose(), now);
        String token = newToken();
        store.save(user.id(), kind.purpose(), null, hash(token), now, expires);
        String link = url(realm, kind.page(), token);
        // subject and body share the arguments; the subject uses only {1}, the realm's name
        emails.send(
                user.email(),
                kind.mailKey() + ".mail",
                new Object[] {
                    user.displayName(),
                    realm.name(),
                    link,
                    Emails.TIME.format(expires),
                    user.email(),
                    lifetime.toMinutes()
                },
                "invitation:" + user.id(),
                realm.key(),
                user.id());
        if (kind.invites()) {
            events.publishEvent(new UserInvited(user.id(), realm.key(), actor));
        }
    }

    private Realm realmOf(UserView user) {
        return sites.realmOf(user.siteId());
    }

    /** The public address of a link page of the realm: {@code {base-url}/sites/acme/{page}/{token}}. */
    String url(Realm realm, String page, String token) {
        return properties.baseUrl().toString().replaceAll("/+$", "") + realm.basePath() + "/" + page + "/" + token;
    }

    /** 256 random bits, URL-safe: 43 characters. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a token has the shape {@link #newToken()} gives; anything else is refused before a look-up. */
    static boolean wellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /** SHA-256 is enough here: the token has 256 random bits, so there is nothing to guess or precompute. */
    static String hash(String token) {
        return DigestUtils.sha256Hex(token);
    }
}
