package dev.latchkey.mfa.code;

import dev.latchkey.shared.crypto.EncryptionKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Makes and hashes codes. A 6-digit code has only a million values, so a plain or salted hash would fall to a brute
 * force in a second: the hash is an HMAC under a key derived from the encryption key, which the database does not hold.
 * The login id is part of the message, binding the code to its login.
 */
@Component
class CodeHasher {

    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    CodeHasher(EncryptionKeys keys) {
        this.key = keys.derive("one-time-code");
    }

    String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    String hash(String loginId, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((loginId + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 unavailable", ex);
        }
    }

    boolean matches(String loginId, String code, String storedHash) {
        byte[] expected = storedHash.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = hash(loginId, code).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }
}
