package dev.latchkey.mfa.totp;

import dev.latchkey.mfa.SecondFactorChanged;
import dev.latchkey.mfa.SecondFactorChanged.Change;
import dev.latchkey.mfa.totp.AuthenticatorStore.State;
import dev.latchkey.shared.crypto.SecretCipher;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.Users;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.commons.codec.binary.Base32;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;

/**
 * A user's authenticator app (F-TOTP-1..3): enrolment, verification with replay protection, disable, re-enable, delete.
 * Secrets are 160 random bits, encrypted at rest.
 */
@Service
public class Authenticators {

    static final String SECRET_PURPOSE = "totp-secret";
    private static final int SECRET_BYTES = 20;

    private final AuthenticatorStore store;
    private final SecretCipher cipher;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Users users;
    private final Totp totp = Totp.standard();
    private final SecureRandom random = new SecureRandom();

    Authenticators(
            AuthenticatorStore store, SecretCipher cipher, Clock clock, ApplicationEventPublisher events, Users users) {
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
        this.events = events;
        this.users = users;
    }

    public AuthenticatorStatus status(long userId) {
        return store.find(userId)
                .map(row -> row.status() == null
                        ? AuthenticatorStatus.NOT_SET_UP
                        : switch (row.status()) {
                            case ENABLED -> AuthenticatorStatus.ENABLED;
                            case DISABLED -> AuthenticatorStatus.DISABLED;
                            case PENDING -> AuthenticatorStatus.NOT_SET_UP;
                        })
                .orElse(AuthenticatorStatus.NOT_SET_UP);
    }

    /**
     * Starts (or resumes) enrolment: a new secret is made once and kept until confirmed, so reloading the page shows
     * the same QR code. {@code issuer} is the site's name, {@code account} the user's email.
     */
    @Transactional
    public Optional<Enrolment> enrolment(long userId, String issuer, String account) {
        users.lockForUpdate(userId); // two tabs starting enrolment at once get the same secret, not a clash
        Optional<AuthenticatorStore.Row> row = store.find(userId);
        if (row.isPresent() && row.get().status() != State.PENDING) {
            return Optional.empty();
        }
        byte[] secret;
        if (row.isPresent()) {
            secret = secret(row.get());
        } else {
            secret = new byte[SECRET_BYTES];
            random.nextBytes(secret);
            store.insertPending(userId, encrypt(secret), clock.instant());
        }
        String base32 = new Base32().encodeToString(secret).replace("=", "");
        String uri = otpauthUri(issuer, account, base32);
        return Optional.of(new Enrolment(group(base32), uri, QrCodes.pngBase64(uri, 280)));
    }

    /** Confirms enrolment with the app's current code (F-TOTP-1 "Check"). */
    @Transactional
    public boolean confirm(Realm realm, long userId, String code) {
        return transition(realm, userId, code, State.PENDING, Change.AUTHENTICATOR_ENABLED);
    }

    /** Re-enables a disabled authenticator with a current code from the same app; no new scan (F-TOTP-3). */
    @Transactional
    public boolean reenable(Realm realm, long userId, String code) {
        return transition(realm, userId, code, State.DISABLED, Change.AUTHENTICATOR_ENABLED);
    }

    /** Checks a sign-in code of an enabled authenticator; each time step is accepted at most once. */
    public boolean verify(long userId, String code) {
        Optional<AuthenticatorStore.Row> row = store.find(userId);
        if (row.isEmpty() || row.get().status() != State.ENABLED || !wellFormed(code)) {
            return false;
        }
        OptionalLong step = totp.matchingStep(
                secret(row.get()), code, clock.instant(), row.get().lastUsedStep());
        return step.isPresent() && store.useStep(userId, step.getAsLong());
    }

    /** Switches an enabled authenticator off, keeping the secret. The caller has checked a code. */
    @Transactional
    public boolean disable(Realm realm, long userId, String actor) {
        boolean done = store.setStatus(userId, State.ENABLED, State.DISABLED);
        if (done) {
            events.publishEvent(new SecondFactorChanged(realm, userId, Change.AUTHENTICATOR_DISABLED, 0, actor));
        }
        return done;
    }

    /** Removes the secret, so the user can start over with another app. */
    @Transactional
    public boolean delete(Realm realm, long userId, String actor) {
        boolean set = status(userId) != AuthenticatorStatus.NOT_SET_UP;
        boolean done = store.delete(userId);
        if (done && set) {
            events.publishEvent(new SecondFactorChanged(realm, userId, Change.AUTHENTICATOR_DELETED, 0, actor));
        }
        return done && set;
    }

    /** Removes the authenticator without an event of its own, for a caller that reports the whole change. */
    @Transactional
    public void remove(long userId) {
        store.delete(userId);
    }

    private boolean transition(Realm realm, long userId, String code, State from, Change change) {
        Optional<AuthenticatorStore.Row> row = store.find(userId);
        if (row.isEmpty() || row.get().status() != from || !wellFormed(code)) {
            return false;
        }
        Instant now = clock.instant();
        OptionalLong step =
                totp.matchingStep(secret(row.get()), code, now, row.get().lastUsedStep());
        boolean done = step.isPresent() && store.transition(userId, from, State.ENABLED, step.getAsLong(), now);
        if (done) {
            events.publishEvent(new SecondFactorChanged(realm, userId, change, 0, null));
        }
        return done;
    }

    public static boolean wellFormed(String code) {
        return code != null && code.matches("[0-9]{6}");
    }

    private byte[] secret(AuthenticatorStore.Row row) {
        return new Base32().decode(cipher.decrypt(SECRET_PURPOSE, row.secret()));
    }

    private String encrypt(byte[] secret) {
        return cipher.encrypt(SECRET_PURPOSE, new Base32().encodeToString(secret));
    }

    /** {@code otpauth://totp/Issuer:account?secret=…&issuer=…}, as Google, Microsoft and Duo read it. */
    static String otpauthUri(String issuer, String account, String base32Secret) {
        String label = UriUtils.encode(issuer, StandardCharsets.UTF_8) + ":"
                + UriUtils.encode(account, StandardCharsets.UTF_8);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer="
                + UriUtils.encode(issuer, StandardCharsets.UTF_8) + "&algorithm=SHA1&digits=6&period=30";
    }

    private static String group(String base32) {
        return base32.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
