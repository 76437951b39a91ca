package dev.latchkey.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES keys for secrets at rest, each with a key id. The first key encrypts; every key decrypts, so a key can be
 * rotated by putting a new one first and keeping the old ones behind it.
 *
 * <p>Format of {@code latchkey.encryption-key}: {@code id:base64key[,id:base64key…]}, or a single base64 key (id
 * {@code k1}). Keys are 32 bytes (AES-256).
 */
public final class EncryptionKeys {

    private final String currentId;
    private final Map<String, SecretKey> keys;

    private EncryptionKeys(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    public static EncryptionKeys parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("latchkey.encryption-key is empty");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String first = null;
        for (String part : spec.trim().split(",")) {
            String entry = part.trim();
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "k1" : entry.substring(0, colon);
            String material = colon < 0 ? entry : entry.substring(colon + 1);
            if (!id.matches("[A-Za-z0-9_-]{1,16}")) {
                throw new IllegalArgumentException("latchkey.encryption-key: key id must be 1-16 letters or digits");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(material);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("latchkey.encryption-key: key " + id + " is not valid base64");
            }
            if (bytes.length != 32) {
                throw new IllegalArgumentException(
                        "latchkey.encryption-key: key " + id + " must be 32 bytes (base64 of 256 random bits)");
            }
            if (keys.put(id, new SecretKeySpec(bytes, "AES")) != null) {
                throw new IllegalArgumentException("latchkey.encryption-key: key id " + id + " appears twice");
            }
            first = first == null ? id : first;
        }
        return new EncryptionKeys(first, keys);
    }

    String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    SecretKey byId(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("No encryption key with id " + id + " is configured");
        }
        return key;
    }

    /**
     * A key for another purpose (HMAC of one-time codes, …) derived from the current key, so a second secret need not
     * be configured. Different purposes give independent keys.
     */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(current());
            return mac.doFinal(("latchkey:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 unavailable", ex);
        }
    }
}
