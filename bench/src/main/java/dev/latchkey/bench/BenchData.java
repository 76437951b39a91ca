package dev.latchkey.bench;

import dev.latchkey.shared.crypto.EncryptionKeys;
import dev.latchkey.shared.crypto.SecretCipher;
import dev.latchkey.users.ServerArgon2;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.commons.codec.binary.Base32;
import org.flywaydb.core.Flyway;

/**
 * Creates the benchmark's schema (Flyway, the application's own migrations) and its users straight in the database,
 * before the server starts: a site {@code bench} (MFA required, authenticator app only) whose users all have an enabled
 * authenticator, a few more such users kept apart for the burst phase's legitimate sign-ins (so no other phase has used
 * their current time step), a site {@code mailbench} (MFA required, email codes only), and one system admin with an
 * authenticator. Passwords are stored as the server stores them (Argon2id with the configured parameters, one
 * precomputed hash), TOTP secrets AES-GCM encrypted with the key the server is given.
 */
final class BenchData {

    static final String PASSWORD = "bench-password-42";
    static final String ADMIN = "admin@bench.test";

    record BenchUser(String email, byte[] totpKey) {}

    final List<BenchUser> totpUsers = new ArrayList<>();
    /** Users of site {@code bench} that only the burst phase signs in, each once. */
    final List<BenchUser> spareUsers = new ArrayList<>();

    final List<String> mailUsers = new ArrayList<>();
    BenchUser admin;
    final String encryptionKey;

    private final SecretCipher cipher;
    private final SecureRandom random = new SecureRandom();

    BenchData() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        encryptionKey = "bench:" + Base64.getEncoder().encodeToString(key);
        cipher = new SecretCipher(EncryptionKeys.parse(encryptionKey));
    }

    void create(String url, String user, String password, int totpCount, int spareCount, int mailCount, int[] argon2)
            throws SQLException {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        String hash;
        // the server's own encoder (which also sets up the JIT for Argon2 in this JVM before anything is hashed)
        try (ServerArgon2 encoder = new ServerArgon2(argon2[0], argon2[1], argon2[2], 1)) {
            hash = "{argon2}" + encoder.encode(PASSWORD);
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            db.setAutoCommit(false);
            long bench = site(db, "bench", "Bench", "totp", now);
            long mail = site(db, "mailbench", "Mail bench", "email", now);
            try (PreparedStatement users = db.prepareStatement(
                            "insert into app_user (site_id, login_key, email,"
                                    + " display_name, password_hash, email_confirmed, phone, mfa_required, admin_role,"
                                    + " second_factor_failures, created_at) values (?, ?, ?, ?, ?, true, null,"
                                    + " false, ?, 0, ?)",
                            Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement totp = db.prepareStatement("insert into authenticator (user_id, secret, status,"
                            + " created_at, enabled_at) values (?, ?, 'ENABLED', ?, ?)")) {
                for (int i = 0; i < totpCount; i++) {
                    String email = "user" + i + "@bench.test";
                    totpUsers.add(insert(users, totp, bench, "bench|" + email, email, null, hash, now));
                    if (i % 1000 == 999) {
                        db.commit();
                    }
                }
                for (int i = 0; i < spareCount; i++) {
                    String email = "spare" + i + "@bench.test";
                    spareUsers.add(insert(users, totp, bench, "bench|" + email, email, null, hash, now));
                }
                for (int i = 0; i < mailCount; i++) {
                    String email = "mail" + i + "@mailbench.test";
                    users.setObject(1, mail);
                    users.setString(2, "mailbench|" + email);
                    users.setString(3, email);
                    users.setString(4, "Mail user " + i);
                    users.setString(5, hash);
                    users.setString(6, null);
                    users.setTimestamp(7, now);
                    users.executeUpdate();
                    mailUsers.add(email);
                }
                admin = insert(users, totp, null, "admin|" + ADMIN, ADMIN, "SYSTEM", hash, now);
            }
            db.commit();
        }
    }

    private BenchUser insert(
            PreparedStatement users,
            PreparedStatement totp,
            Long siteId,
            String loginKey,
            String email,
            String role,
            String hash,
            Timestamp now)
            throws SQLException {
        users.setObject(1, siteId);
        users.setString(2, loginKey);
        users.setString(3, email);
        users.setString(4, "Bench user");
        users.setString(5, hash);
        users.setString(6, role);
        users.setTimestamp(7, now);
        users.executeUpdate();
        long id;
        try (var keys = users.getGeneratedKeys()) {
            keys.next();
            id = keys.getLong(1);
        }
        byte[] key = new byte[20];
        random.nextBytes(key);
        totp.setLong(1, id);
        totp.setString(2, cipher.encrypt("totp-secret", new Base32().encodeToString(key)));
        totp.setTimestamp(3, now);
        totp.setTimestamp(4, now);
        totp.executeUpdate();
        return new BenchUser(email, key);
    }

    private static long site(Connection db, String slug, String name, String factors, Timestamp now)
            throws SQLException {
        try (PreparedStatement site = db.prepareStatement(
                "insert into site (slug, name, default_region, mfa_mode,"
                        + " allowed_factors, created_at) values (?, ?, 'NL', 'REQUIRED', ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            site.setString(1, slug);
            site.setString(2, name);
            site.setString(3, factors);
            site.setTimestamp(4, now);
            site.executeUpdate();
            try (var keys = site.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
