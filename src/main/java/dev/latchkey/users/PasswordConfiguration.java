package dev.latchkey.users;

import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id behind a DelegatingPasswordEncoder: stored hashes carry their algorithm id and their parameters, so the
 * cost can be raised later and old hashes are upgraded at the next sign-in.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PasswordProperties.class)
class PasswordConfiguration {

    @Bean
    PasswordEncoder passwordEncoder(PasswordProperties properties) {
        PasswordProperties.Argon2 cost = properties.argon2();
        Argon2PasswordEncoder argon2 =
                new Argon2PasswordEncoder(16, 32, cost.parallelism(), cost.memoryKib(), cost.iterations());
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
    }
}
