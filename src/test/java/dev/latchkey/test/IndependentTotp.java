package dev.latchkey.test;

import java.nio.ByteBuffer;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * A second, independent RFC 6238 implementation (straight from RFC 4226 §5.3), so the tests do not check the
 * application's codes with the application's own code.
 */
public final class IndependentTotp {

    private IndependentTotp() {}

    public static String code(String base32Secret, Instant at) {
        return codeAtStep(base32Secret, Math.floorDiv(at.getEpochSecond(), 30));
    }

    public static String codeAtStep(String base32Secret, long step) {
        return codeAtStep(new Base32().decode(base32Secret.replace(" ", "").toUpperCase()), step);
    }

    public static String codeAtStep(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }
}
