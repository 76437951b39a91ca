package dev.latchkey.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptionKeyConfigurationTests {

    @TempDir
    Path dir;

    @Test
    void productionStartWithoutAKeyStopsWithAClearMessage() {
        assertThatThrownBy(() -> new EncryptionKeyConfiguration().encryptionKeys("", false, dir.resolve("k")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("latchkey.encryption-key is required");
        assertThat(dir.resolve("k")).doesNotExist();
    }

    @Test
    void theDemoRunGeneratesAKeyOnceAndKeepsIt() throws Exception {
        Path file = dir.resolve("data/encryption.key");
        EncryptionKeys first = new EncryptionKeyConfiguration().encryptionKeys("", true, file);
        String stored = Files.readString(file);
        EncryptionKeys second = new EncryptionKeyConfiguration().encryptionKeys("", true, file);
        assertThat(Files.readString(file)).isEqualTo(stored);
        String sealed = new SecretCipher(first).encrypt("p", "kept");
        assertThat(new SecretCipher(second).decrypt("p", sealed)).isEqualTo("kept");
    }

    @Test
    void aConfiguredKeyWinsAndNoFileIsWritten() throws Exception {
        String key = "prod:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        EncryptionKeys keys = new EncryptionKeyConfiguration().encryptionKeys(key, true, dir.resolve("k"));
        assertThat(keys.currentId()).isEqualTo("prod");
        assertThat(dir.resolve("k")).doesNotExist();
    }
}
