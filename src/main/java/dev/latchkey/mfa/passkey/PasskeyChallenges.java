package dev.latchkey.mfa.passkey;

import dev.latchkey.shared.Purges;
import dev.latchkey.shared.RetentionProperties;
import dev.latchkey.shared.RetentionPurge;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * WebAuthn challenges, in the database so that every node knows them, and single use by construction: taking one is a
 * conditional delete, so of simultaneous requests with one challenge exactly one gets it. Only the challenge's SHA-256
 * is stored. A challenge belongs to a purpose, a realm and a binding (a user, a login or a browser), and works only
 * there, until it expires.
 */
@Component
class PasskeyChallenges implements RetentionPurge {

    enum Purpose {
        REGISTER,
        SECOND_STEP,
        PASSWORDLESS
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PasskeyProperties properties;

    PasskeyChallenges(JdbcClient jdbc, Clock clock, PasskeyProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * A new random challenge for one ceremony. It replaces any earlier one of the same purpose, realm and binding: one
     * user, login or browser holds at most one live challenge per purpose, however often it asks.
     */
    @Transactional
    Bytes issue(Purpose purpose, String realm, String binding) {
        jdbc.sql("delete from passkey_challenge where purpose = ? and realm = ? and binding = ?")
                .params(purpose.name(), realm, binding)
                .update();
        Bytes challenge = Bytes.random();
        jdbc.sql("insert into passkey_challenge (challenge_hash, purpose, realm, binding, expires_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(
                        hash(challenge),
                        purpose.name(),
                        realm,
                        binding,
                        Timestamp.from(clock.instant().plus(properties.challengeTtl())))
                .update();
        return challenge;
    }

    /** Uses up a challenge; true for the one caller that took a live challenge of this purpose, realm and binding. */
    boolean take(Bytes challenge, Purpose purpose, String realm, String binding) {
        return jdbc.sql("delete from passkey_challenge where challenge_hash = ? and purpose = ? and realm = ?"
                                + " and binding = ? and expires_at > ?")
                        .params(hash(challenge), purpose.name(), realm, binding, Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    Duration ttl() {
        return properties.challengeTtl();
    }

    @Override
    public String what() {
        return "passkey challenges";
    }

    @Override
    public Duration keptFor(RetentionProperties retention) {
        return Duration.ZERO;
    }

    @Override
    public int deleteEndedBefore(Instant cutoff) {
        return Purges.delete(jdbc, "passkey_challenge", "challenge_hash", "expires_at < ?", Timestamp.from(cutoff));
    }

    private static String hash(Bytes challenge) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(challenge.toBase64UrlString().getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
