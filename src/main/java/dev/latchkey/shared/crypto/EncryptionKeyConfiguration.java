package dev.latchkey.shared.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the encryption key comes from: {@code latchkey.encryption-key}, or, only in the demo run, a key generated once
 * into {@code ./data/encryption.key}. A production start without a key stops with a clear message rather than
 * encrypting secrets under a key that lives beside the database.
 */
@Configuration(proxyBeanMethods = false)
class EncryptionKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EncryptionKeyConfiguration.class);

    @Bean
    EncryptionKeys encryptionKeys(
            @Value("${latchkey.encryption-key:}") String configured,
            @Value("${latchkey.demo:false}") boolean demo,
            @Value("${latchkey.encryption-key-file:./data/encryption.key}") Path devKeyFile)
            throws IOException {
        if (!configured.isBlank()) {
            return EncryptionKeys.parse(configured);
        }
        if (!demo) {
            throw new IllegalStateException("latchkey.encryption-key is required when latchkey.demo=false. "
                    + "Generate one with: openssl rand -base64 32");
        }
        return EncryptionKeys.parse(readOrCreate(devKeyFile));
    }

    private static String readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String encoded = "dev:" + Base64.getEncoder().encodeToString(key);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, encoded, StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system; the file stays with default permissions
        }
        log.warn("Generated a development encryption key in {}; set latchkey.encryption-key in production", file);
        return encoded;
    }
}
