package dev.latchkey.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTests {

    static final String OLD = "old:" + key(1);
    static final String NEW = "new:" + key(2);

    @Test
    void encryptsAndDecryptsUnderTheCurrentKey() {
        SecretCipher cipher = new SecretCipher(EncryptionKeys.parse(NEW));
        String sealed = cipher.encrypt("totp", "JBSWY3DPEHPK3PXP");
        assertThat(sealed).startsWith("new:").doesNotContain("JBSWY3DPEHPK3PXP");
        assertThat(cipher.decrypt("totp", sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
    }

    @Test
    void theSamePlaintextNeverGivesTheSameCiphertext() {
        SecretCipher cipher = new SecretCipher(EncryptionKeys.parse(NEW));
        assertThat(cipher.encrypt("p", "same")).isNotEqualTo(cipher.encrypt("p", "same"));
    }

    @Test
    void aCiphertextMadeForOnePurposeDoesNotDecryptAsAnother() {
        SecretCipher cipher = new SecretCipher(EncryptionKeys.parse(NEW));
        String sealed = cipher.encrypt("outbox-body", "secret");
        assertThatThrownBy(() -> cipher.decrypt("totp", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oldKeysStillDecryptAfterRotation() {
        String sealed = new SecretCipher(EncryptionKeys.parse(OLD)).encrypt("p", "secret");
        SecretCipher rotated = new SecretCipher(EncryptionKeys.parse(NEW + "," + OLD));
        assertThat(rotated.decrypt("p", sealed)).isEqualTo("secret");
        assertThat(rotated.encrypt("p", "secret")).startsWith("new:");
    }

    @Test
    void aTamperedCiphertextIsRefused() {
        SecretCipher cipher = new SecretCipher(EncryptionKeys.parse(NEW));
        String sealed = cipher.encrypt("p", "secret");
        int colon = sealed.indexOf(':');
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(colon + 1));
        bytes[bytes.length / 2] ^= 0x01;
        String tampered = sealed.substring(0, colon + 1) + Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> cipher.decrypt("p", tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void badKeySpecificationsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> EncryptionKeys.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> EncryptionKeys.parse("k:not-base64!")).hasMessageContaining("base64");
        assertThatThrownBy(() -> EncryptionKeys.parse(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> EncryptionKeys.parse(NEW + "," + NEW)).hasMessageContaining("twice");
    }

    @Test
    void derivedKeysDifferPerPurpose() {
        EncryptionKeys keys = EncryptionKeys.parse(NEW);
        assertThat(keys.derive("a")).hasSize(32).isNotEqualTo(keys.derive("b"));
    }

    private static String key(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
