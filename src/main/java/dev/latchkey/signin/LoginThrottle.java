package dev.latchkey.signin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Password-step throttling (ASVS V6.3), in the database so every node and a restart see the same counts.
 * Per account (the typed username, whether or not it exists): 5 free failures, then doubling delays up to 15
 * minutes. Per IP address: 20 free failures, then the same (both configurable). A throttled attempt is refused before the password is
 * checked, so the answer says nothing about the password; counts fade after a quiet hour.
 */
@Component
class LoginThrottle {

    private static final Duration CAP = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Backoff account;
    private final Backoff address;

    LoginThrottle(JdbcClient jdbc, Clock clock, SignInProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.account = new Backoff(properties.accountFreeFailures(), CAP);
        this.address = new Backoff(properties.addressFreeFailures(), CAP);
    }

    static String accountKey(String realm, String username) {
        return "account:" + realm + "|" + username.trim().toLowerCase(Locale.ROOT);
    }

    static String addressKey(String ip) {
        return "ip:" + ip;
    }

    /** The later of the two blocks, if either applies now. */
    Optional<Instant> blockedUntil(String accountKey, String addressKey) {
        Instant now = clock.instant();
        Optional<Instant> byAccount = blocked(accountKey, account, now);
        Optional<Instant> byAddress = blocked(addressKey, address, now);
        if (byAccount.isPresent() && byAddress.isPresent()) {
            return Optional.of(byAccount.get().isAfter(byAddress.get()) ? byAccount.get() : byAddress.get());
        }
        return byAccount.isPresent() ? byAccount : byAddress;
    }

    void recordFailure(String... keys) {
        Instant now = clock.instant();
        for (String key : keys) {
            Timestamp at = Timestamp.from(now);
            Timestamp stale = Timestamp.from(now.minus(FORGET_AFTER));
            int updated = jdbc.sql("update login_throttle set failures = case when last_failure_at < ? then 1"
                            + " else failures + 1 end, last_failure_at = ? where throttle_key = ?")
                    .params(stale, at, key)
                    .update();
            if (updated == 0) {
                try {
                    jdbc.sql("insert into login_throttle (throttle_key, failures, last_failure_at) values (?, 1, ?)")
                            .params(key, at)
                            .update();
                } catch (DuplicateKeyException raced) {
                    jdbc.sql("update login_throttle set failures = failures + 1, last_failure_at = ?"
                            + " where throttle_key = ?").params(at, key).update();
                }
            }
        }
    }

    /** A correct password clears the account's count (not the address's: one success must not unlock a botnet). */
    void recordSuccess(String accountKey) {
        jdbc.sql("delete from login_throttle where throttle_key = ?").param(accountKey).update();
    }

    private Optional<Instant> blocked(String key, Backoff backoff, Instant now) {
        return jdbc.sql("select failures, last_failure_at from login_throttle where throttle_key = ?")
                .param(key)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getTimestamp(2).toInstant()})
                .optional()
                .filter(row -> ((Instant) row[1]).isAfter(now.minus(FORGET_AFTER)))
                .flatMap(row -> backoff.blockedUntil((Integer) row[0], (Instant) row[1], now));
    }
}
