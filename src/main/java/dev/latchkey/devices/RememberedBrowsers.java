package dev.latchkey.devices;

import dev.latchkey.devices.BrowserStore.Row;
import dev.latchkey.mfa.TwoFactorSetup;
import dev.latchkey.shared.web.BadInputException;
import dev.latchkey.shared.web.BrowserSummary;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.shared.web.ReadableTime;
import dev.latchkey.sites.MfaPolicy;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.SecondStep;
import dev.latchkey.users.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * F-DEVICE: "Remember this browser for N days". After a second factor a user may let the browser skip the second factor
 * of the same realm for as long as the realm's policy says; the password is always asked. One rule decides every skip
 * ({@link #skipsSecondFactor}): a valid, unexpired token of this user and this realm, a policy that still remembers,
 * and no passkey required.
 */
@Service
public class RememberedBrowsers {

    /** How a sign-in that skipped the second factor shows in the audit log and the sign-in lists. */
    public static final String SIGN_IN_METHOD = "remembered";

    /** Hex digits of a {@link RememberedBrowser#handle()}: 128 bits. */
    public static final int HANDLE_LENGTH = 32;

    /** The most browsers one user keeps remembered in one realm; the least recently used goes first. */
    static final int MAX_PER_USER = 20;

    private static final Pattern HANDLE = Pattern.compile("[0-9a-f]{" + HANDLE_LENGTH + "}");

    private final BrowserStore store;
    private final MfaPolicy policy;
    private final Users users;
    private final TwoFactorSetup setup;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RememberedBrowsers(
            BrowserStore store,
            MfaPolicy policy,
            Users users,
            TwoFactorSetup setup,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.policy = policy;
        this.users = users;
        this.setup = setup;
        this.events = events;
        this.clock = clock;
    }

    /**
     * How many days "Remember this browser" may offer to this user of this realm: empty when the realm's policy is off
     * or the user must use a passkey (a remembered browser could not skip it). The caller leaves it out of a step-up.
     */
    public Optional<Integer> offeredDays(Realm realm, long userId) {
        return rememberFor(realm, userId).map(d -> (int) d.toDays());
    }

    /**
     * After any passed second factor of a sign-in (never a step-up): when the user ticked "Remember this browser" and
     * the policy allows it, this browser gets a new token in its cookie and the server a hash of it. A token this
     * browser held for the same user and realm is replaced. Answers whether the browser is remembered now.
     */
    @Transactional
    public boolean rememberIfAsked(
            HttpServletRequest request, HttpServletResponse response, Realm realm, long userId, boolean asked) {
        if (!asked) {
            return false;
        }
        // the user's row lock: a lock, a password change or "2FA required" committed meanwhile either comes first (and
        // the policy below says no) or waits, and then its ending deletes this row too
        users.lockForUpdate(userId);
        Optional<Duration> allowed = rememberFor(realm, userId);
        if (allowed.isEmpty() || users.find(userId).map(u -> u.locked()).orElse(true)) {
            return false;
        }
        for (String old : RememberCookie.tokens(request)) {
            store.findByTokenHash(RememberCookie.hash(old))
                    .filter(row -> row.userId() == userId && row.realm().equals(realm.key()))
                    .ifPresent(row -> store.deleteById(row.id()));
        }
        Instant now = clock.instant();
        ClientInfo client = ClientInfo.of(request);
        BrowserSummary summary = BrowserSummary.of(client.userAgent());
        String token = RememberCookie.newToken();
        store.insert(
                userId,
                realm.key(),
                RememberCookie.hash(token),
                RememberCookie.newHandle(),
                summary.browser(),
                summary.system(),
                ip(client),
                now,
                now.plus(allowed.get()));
        store.trim(userId, realm.key(), MAX_PER_USER);
        RememberCookie.write(request, response, realm, token, allowed.get());
        events.publishEvent(
                new BrowserRemembered(realm.key(), userId, (int) allowed.get().toDays(), client));
        return true;
    }

    /**
     * Whether this browser, right after the user's password, may skip the second factor: it presents a token of this
     * user and this realm that has not expired, neither by its own date nor by the realm's policy now (which may have
     * been shortened), the policy still remembers browsers and asks no passkey of the user, and nothing else must come
     * first: a forced set-up ({@code setupRequired}) or the news that an admin deleted the user's 2FA setup. A use is
     * recorded (last used, address).
     */
    @Transactional
    public boolean skipsSecondFactor(HttpServletRequest request, Realm realm, long userId, boolean setupRequired) {
        List<String> tokens = RememberCookie.tokens(request);
        if (tokens.isEmpty() || setupRequired || setup.removedByAdmin(userId).isPresent()) {
            return false;
        }
        Optional<Duration> allowed = rememberFor(realm, userId);
        if (allowed.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        String ip = ip(ClientInfo.of(request));
        for (String token : tokens) {
            Optional<Row> row = store.findByTokenHash(RememberCookie.hash(token))
                    .filter(r -> r.userId() == userId && r.realm().equals(realm.key()))
                    .filter(r -> now.isBefore(r.expiresAt())
                            && now.isBefore(r.firstUsedAt().plus(allowed.get())));
            if (row.isPresent() && store.touch(row.get().id(), now, ip)) {
                return true;
            }
        }
        return false;
    }

    /** The user's remembered browsers of this realm, most recently used first; the one reading marked. */
    public List<RememberedBrowser> list(HttpServletRequest request, Realm realm, long userId) {
        Set<String> here = RememberCookie.tokens(request).stream()
                .map(RememberCookie::hash)
                .collect(Collectors.toSet());
        Set<Long> current = here.stream()
                .map(store::findByTokenHash)
                .flatMap(Optional::stream)
                .map(Row::id)
                .collect(Collectors.toSet());
        return store.list(userId, realm.key(), clock.instant()).stream()
                .map(r -> new RememberedBrowser(
                        r.handle(),
                        new BrowserSummary(r.browser(), r.os()),
                        r.ip(),
                        ReadableTime.of(r.firstUsedAt()),
                        ReadableTime.of(r.lastUsedAt()),
                        ReadableTime.of(r.expiresAt()),
                        current.contains(r.id())))
                .toList();
    }

    /**
     * Forgets the one browser of this user and realm that {@code handle} names. A handle of another user's browser, one
     * forgotten already, or a replayed request changes nothing and answers false; of simultaneous requests exactly one
     * forgets it.
     *
     * @throws BadInputException when {@code handle} is not a handle at all
     */
    @Transactional
    public boolean forget(Realm realm, long userId, String handle, ClientInfo client) {
        if (handle == null
                || handle.length() != HANDLE_LENGTH
                || !HANDLE.matcher(handle).matches()) {
            throw new BadInputException("security.browsers.badHandle");
        }
        Optional<Row> gone = store.delete(userId, realm.key(), handle);
        gone.ifPresent(row -> events.publishEvent(new BrowsersForgotten(
                realm.key(), userId, 1, "forgotten on the Security page: " + describe(row), client)));
        return gone.isPresent();
    }

    /** "Sign out everywhere" (but here): every other remembered browser of the user in this realm is forgotten. */
    @Transactional
    public int forgetOthers(HttpServletRequest request, Realm realm, long userId) {
        String keep = RememberCookie.tokens(request).stream()
                .map(RememberCookie::hash)
                .filter(hash -> store.findByTokenHash(hash)
                        .filter(r -> r.userId() == userId && r.realm().equals(realm.key()))
                        .isPresent())
                .findFirst()
                .orElse(null);
        int count = store.deleteAllOfExcept(userId, realm.key(), keep);
        if (count > 0) {
            events.publishEvent(new BrowsersForgotten(
                    realm.key(), userId, count, "signed out everywhere else", ClientInfo.of(request)));
        }
        return count;
    }

    /** Every remembered browser of the user, in the caller's transaction; {@code reason} for the audit log. */
    @Transactional
    void forgetAll(long userId, String reason) {
        int count = store.deleteAllOf(userId);
        if (count > 0) {
            events.publishEvent(new BrowsersForgotten(null, userId, count, reason, null));
        }
    }

    /** The browsers of a realm first remembered longer ago than its policy's new, shorter length. */
    @Transactional
    void forgetOlderThan(String realm, Duration length) {
        int count = store.deleteRealmFirstUsedBefore(realm, clock.instant().minus(length));
        if (count > 0) {
            events.publishEvent(new BrowsersForgotten(realm, null, count, "remembering shortened", null));
        }
    }

    /** Every remembered browser of a realm whose policy stopped remembering. */
    @Transactional
    void forgetRealm(String realm, String reason) {
        int count = store.deleteRealm(realm);
        if (count > 0) {
            events.publishEvent(new BrowsersForgotten(realm, null, count, reason, null));
        }
    }

    private Optional<Duration> rememberFor(Realm realm, long userId) {
        return users.find(userId)
                .map(user -> policy.decide(realm, user.mfaRequired(), false))
                .filter(step -> !step.phishingResistant())
                .map(SecondStep::rememberFor)
                .filter(d -> !d.isNegative() && !d.isZero());
    }

    private static String ip(ClientInfo client) {
        String ip = client.ip();
        return ip == null || ip.length() <= 64 ? ip : ip.substring(0, 64);
    }

    private static String describe(Row row) {
        String browser = row.browser() == null ? "unknown browser" : row.browser();
        return (row.os() == null ? browser : browser + " on " + row.os()) + (row.ip() == null ? "" : ", " + row.ip());
    }
}
