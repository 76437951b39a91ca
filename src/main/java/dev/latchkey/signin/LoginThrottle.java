package dev.latchkey.signin;

import dev.latchkey.shared.Purges;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.users.Backoff;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password-step throttling (ASVS V6.3), in the database so every node and a restart see the same counts. Per account
 * (the typed username, whether or not it exists): 5 free failures, then doubling delays up to 15 minutes. Per IP
 * address: 20 free failures, then the same (both configurable). A throttled attempt is refused before the password is
 * checked, so the answer says nothing about the password; counts fade after a quiet hour.
 *
 * <p>An attempt is <em>reserved</em> before its password is hashed. The check and the count are one step under the
 * rows' locks, so a burst of simultaneous guesses is counted as it arrives, not after the slow hash: of N parallel
 * wrong guesses exactly as many are checked as the policy allows, on every node. A right password gives its reservation
 * back; a wrong one keeps it as its failure. This also bounds the attempts in flight: at most the free failures per
 * account and per address are ever waiting for a hash (SECURITY.md, "Filling the hashing queue").
 */
@Component
class LoginThrottle {

    private static final Duration CAP = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Backoff account;
    private final Backoff address;

    LoginThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, SignInProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.account = new Backoff(properties.accountFreeFailures(), CAP);
        this.address = new Backoff(properties.addressFreeFailures(), CAP);
    }

    /**
     * The typed username, case-folded. Case folding can make a name longer ("İ" becomes two characters), so a long one
     * is kept as its SHA-256 instead: the key always fits its column, and nothing typed reaches an error.
     */
    static String accountKey(String realm, String username) {
        String name = username.trim().toLowerCase(Locale.ROOT);
        if (name.length() > 200) {
            name = "sha256:" + DigestUtils.sha256Hex(name);
        }
        return "account:" + realm + "|" + name;
    }

    /** The client's network ({@link ClientInfo#networkKey}): an IPv6 address counts by its /64. */
    static String addressKey(String ip) {
        return ClientInfo.networkKey(ip);
    }

    /**
     * Reserves one attempt for both keys, counting it as a failure of each until {@link #succeeded} or {@link #release}
     * gives it back. Answers until when attempts are refused instead, when either key is in its delay; nothing is
     * counted then.
     */
    Optional<Instant> reserve(String accountKey, String addressKey) {
        for (int round = 0; ; round++) {
            Reservation result = transactions.execute(status -> reserveLocked(accountKey, addressKey));
            if (result.missing().isEmpty()) {
                return Optional.ofNullable(result.blockedUntil());
            }
            if (round == 2) {
                // rows that vanish as fast as they are made: refuse for a moment rather than check unreserved
                return Optional.of(clock.instant().plusSeconds(1));
            }
            // a first attempt for a key: make its row, then lock it like any other
            result.missing().forEach(this::insertIfAbsent);
        }
    }

    /** A right password: the account's count is cleared, the address gets its reservation back. */
    void succeeded(String accountKey, String addressKey) {
        jdbc.sql("update login_throttle set failures = 0 where throttle_key = ? and failures <> 0")
                .param(accountKey)
                .update();
        release(addressKey);
    }

    /** Gives reservations back without counting them (the attempt was never checked). */
    void release(String... keys) {
        for (String key : keys) {
            jdbc.sql("update login_throttle set failures = failures - 1 where throttle_key = ? and failures > 0")
                    .param(key)
                    .update();
        }
    }

    private Reservation reserveLocked(String accountKey, String addressKey) {
        Instant now = clock.instant();
        // one lock order for every request (by key), so two reservations never wait for each other in a cycle
        Map<String, Row> rows = jdbc
                .sql("select throttle_key, failures, last_failure_at from login_throttle"
                        + " where throttle_key in (?, ?) order by throttle_key for update")
                .params(accountKey, addressKey)
                .query((rs, n) -> new Row(
                        rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()))
                .list()
                .stream()
                .collect(Collectors.toMap(Row::key, row -> row));
        Instant stale = now.minus(FORGET_AFTER);
        Optional<Instant> byAccount = blocked(rows.get(accountKey), account, now, stale);
        Optional<Instant> byAddress = blocked(rows.get(addressKey), address, now, stale);
        if (byAccount.isPresent() || byAddress.isPresent()) {
            // refused before any row is made: a client in its delay cannot fill the table with new usernames
            Instant until = Stream.of(byAccount, byAddress)
                    .flatMap(Optional::stream)
                    .max(Instant::compareTo)
                    .get();
            return new Reservation(until, List.of());
        }
        List<String> missing = Stream.of(accountKey, addressKey)
                .filter(k -> !rows.containsKey(k))
                .toList();
        if (!missing.isEmpty()) {
            return new Reservation(null, missing);
        }
        Timestamp at = Timestamp.from(now);
        for (String key : List.of(accountKey, addressKey)) {
            jdbc.sql("update login_throttle set failures = case when last_failure_at < ? then 1 else failures + 1 end,"
                            + " last_failure_at = ? where throttle_key = ?")
                    .params(Timestamp.from(stale), at, key)
                    .update();
        }
        return new Reservation(null, List.of());
    }

    private void insertIfAbsent(String key) {
        try {
            jdbc.sql("insert into login_throttle (throttle_key, failures, last_failure_at) values (?, 0, ?)")
                    .params(key, Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException raced) {
            // another request made it first; either row will do
        }
    }

    /**
     * F-OPS-4 ({@link ThrottleRetention}): deletes the rows whose last failure came before {@code cutoff}, in batches;
     * answers how many went. A row still counts for an hour after its last failure, so a cutoff later than that is
     * moved back to it: a purge never gives anyone fresh attempts.
     */
    int forgetQuietRows(Instant cutoff) {
        Instant stale = clock.instant().minus(FORGET_AFTER);
        return Purges.delete(
                jdbc,
                "login_throttle",
                "throttle_key",
                "last_failure_at < ?",
                Timestamp.from(cutoff.isAfter(stale) ? stale : cutoff));
    }

    private static Optional<Instant> blocked(Row row, Backoff backoff, Instant now, Instant stale) {
        if (row == null || row.lastFailureAt().isBefore(stale)) {
            return Optional.empty();
        }
        return backoff.blockedUntil(row.failures(), row.lastFailureAt(), now);
    }

    private record Row(String key, int failures, Instant lastFailureAt) {}

    private record Reservation(Instant blockedUntil, List<String> missing) {}
}
