package dev.latchkey.users;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id behind a DelegatingPasswordEncoder: stored hashes carry their algorithm id and their parameters, so the cost
 * can be changed later and hashes with other parameters are re-hashed at the next sign-in. Hashing runs on a fixed pool
 * of {@code latchkey.password.hashing-threads} (default: one per core), see {@link Argon2Hashing}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PasswordProperties.class, ResetProperties.class})
class PasswordConfiguration {

    @Bean(destroyMethod = "close")
    Argon2Hashing argon2Hashing(PasswordProperties properties, MeterRegistry meters) {
        int threads = properties.hashingThreads() > 0
                ? properties.hashingThreads()
                : Runtime.getRuntime().availableProcessors();
        int queue = properties.hashingQueue() > 0 ? properties.hashingQueue() : 32 * threads;
        return new Argon2Hashing(properties.argon2(), threads, queue, meters);
    }

    @Bean
    @Primary
    PasswordEncoder passwordEncoder(Argon2Hashing argon2) {
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
    }
}
