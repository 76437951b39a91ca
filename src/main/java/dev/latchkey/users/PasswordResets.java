package dev.latchkey.users;

import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.sites.Realm;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot password?" (F-ACCOUNT-1, ASVS 5.0 V6.4): the one owner of its rules.
 *
 * <ul>
 *   <li><b>No enumeration.</b> A request is answered the same way, after the same work, whether or not the address
 *       belongs to a user: the request only counts against its client network and hands the rest to a background
 *       worker. The look-up, the per-account limit and the email happen there, so neither the answer nor its timing
 *       depends on them.
 *   <li><b>Throttled.</b> Per client network ({@code per-address} per 15 minutes; an IPv6 client by its /64), which the
 *       page does report, since it says nothing about an account; and per account ({@code per-account} links per hour),
 *       which it never reports: extra requests are dropped quietly and audited.
 *   <li><b>The link</b> holds 256 random bits, works once and for {@code link-lifetime} (30 minutes), replaces earlier
 *       links, and only its hash is stored ({@link Invitations}). It is sent to the address the user signs in with.
 *   <li><b>After a reset</b> every session of the user ends, half-finished sign-ins included, and the user gets a
 *       notice. The second factor is untouched: the next sign-in asks for it as before.
 * </ul>
 */
@Service
class PasswordResets implements DisposableBean {

    /** The per-account window. */
    static final Duration ACCOUNT_WINDOW = Duration.ofHours(1);

    /** The per-network window. */
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);

    /** Longest email address accepted (RFC 5321 allows 254; the sign-in form takes 320). */
    static final int MAX_EMAIL = 320;

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    private final Users users;
    private final Invitations invitations;
    private final ResetThrottle throttle;
    private final ResetProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ExecutorService worker = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000),
            new CustomizableThreadFactory("password-reset-"));

    PasswordResets(
            Users users,
            Invitations invitations,
            ResetThrottle throttle,
            ResetProperties properties,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.users = users;
        this.invitations = invitations;
        this.throttle = throttle;
        this.properties = properties;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** The request was refused because its client network asked too often; {@code until} is when it may again. */
    public static final class TooManyRequests extends RuntimeException {
        private final transient Instant until;

        TooManyRequests(Instant until) {
            super("password reset requests from one network over the limit", null, false, false);
            this.until = until;
        }

        public Instant until() {
            return until;
        }
    }

    /** Whether a typed address may be looked up at all: short enough, one {@code @}, no spaces or controls. */
    public static boolean plausibleEmail(String email) {
        if (email == null) {
            return false;
        }
        String trimmed = email.strip();
        int at = trimmed.indexOf('@');
        return trimmed.length() <= MAX_EMAIL
                && at > 0
                && at == trimmed.lastIndexOf('@')
                && at < trimmed.length() - 1
                && trimmed.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }

    /**
     * Takes a "Forgot password?" request of {@code realm}. Returns once it is counted against the client's network;
     * whether a link goes out is decided in the background.
     *
     * @throws IllegalArgumentException for an address that is not {@link #plausibleEmail plausible}; nothing counted
     * @throws TooManyRequests when the client's network asked too often; nothing else happens then
     */
    public void request(Realm realm, String typedEmail, ClientInfo client) {
        if (!plausibleEmail(typedEmail)) {
            throw new IllegalArgumentException("not an email address");
        }
        String email = typedEmail.strip();
        Optional<Instant> blocked =
                throttle.take("address:" + ClientInfo.networkKey(client.ip()), properties.perAddress(), ADDRESS_WINDOW);
        if (blocked.isPresent()) {
            throw new TooManyRequests(blocked.get());
        }
        Locale language = LocaleContextHolder.getLocale();
        try {
            worker.execute(() -> {
                LocaleContextHolder.setLocale(language);
                try {
                    sendIfKnown(realm, email, client);
                } catch (RuntimeException failed) {
                    // the class only: a database message could quote the address or the email being queued
                    log.warn(
                            "password reset request of {} not handled: {}",
                            realm.key(),
                            failed.getClass().getName());
                } finally {
                    LocaleContextHolder.resetLocaleContext();
                }
            });
        } catch (RejectedExecutionException full) {
            log.warn("password reset queue full: a request of {} was dropped", realm.key());
        }
    }

    private void sendIfKnown(Realm realm, String email, ClientInfo client) {
        Optional<UserView> found = users.findByEmail(realm, email);
        if (found.isEmpty()) {
            events.publishEvent(new PasswordResetRequested(
                    realm.key(), null, email, client.ip(), client.userAgent(), "unknown address"));
            return;
        }
        UserView user = found.get();
        if (throttle.take("account:" + user.id(), properties.perAccount(), ACCOUNT_WINDOW)
                .isPresent()) {
            events.publishEvent(new PasswordResetRequested(
                    realm.key(), user.id(), email, client.ip(), client.userAgent(), "too many requests"));
            return;
        }
        transactions.executeWithoutResult(status -> {
            invitations.sendSelfServiceReset(user, realm, properties.linkLifetime());
            events.publishEvent(
                    new PasswordResetRequested(realm.key(), user.id(), email, client.ip(), client.userAgent(), null));
        });
    }

    /** Whether the token is a live reset link of this realm. */
    public boolean isUsable(Realm realm, String token) {
        return invitations.isUsableReset(realm, token);
    }

    /** What {@link PasswordPolicy} says of the new password, in the context of the link's user and site. */
    public Optional<String> passwordProblem(Realm realm, String token, String password, String confirmation) {
        return invitations.passwordProblem(realm, token, password, confirmation, InvitationStore.Purpose.RESET);
    }

    /**
     * Sets the new password with a reset link; single use, so of simultaneous submissions exactly one succeeds. Every
     * session of the user then ends ({@link PasswordWasReset}). Callers check {@link #passwordProblem} first.
     *
     * @return false, with nothing changed, for an unknown, used, expired, replaced or other-realm token
     */
    public boolean reset(Realm realm, String token, String password, ClientInfo client) {
        return transactions.execute(status -> invitations
                .usePasswordLink(realm, token, password, InvitationStore.Purpose.RESET)
                .map(link -> {
                    events.publishEvent(
                            new PasswordWasReset(link.userId(), realm.key(), client.ip(), client.userAgent()));
                    return true;
                })
                .orElse(false));
    }

    /** The background worker, for tests that hold it to show that nothing waits for it. */
    ExecutorService worker() {
        return worker;
    }

    /** Lets queued requests finish for up to five seconds at shutdown. */
    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
            log.warn("password reset worker stopped with requests still queued");
            worker.shutdownNow();
        }
    }
}
