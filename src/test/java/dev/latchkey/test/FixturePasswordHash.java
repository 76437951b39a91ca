package dev.latchkey.test;

import java.util.function.Supplier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.function.SingletonSupplier;

/**
 * Hashes the fixture password {@link TestUsers#PASSWORD} once per application context instead of once per test user.
 *
 * <p>Every integration test makes fresh users, and each used to cost a full Argon2id hash at the production cost (19
 * MiB, 2 passes) on the test's own thread: about 40 s of the H2 phase and as much again on PostgreSQL and in the
 * browser suite. The hash made here is a real one, at the configured cost, made by the application's own encoder; users
 * of the fixture password share its salt. Every other password is hashed as in production, and every check of a
 * password ({@code matches}, the re-hash of an out-of-date hash) runs the application's encoder unchanged, at full
 * cost, so the timing of the sign-in races the tests provoke is the production timing.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixturePasswordHash {

    @Bean
    static BeanPostProcessor fixturePasswordHashOnce() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return "passwordEncoder".equals(name) && bean instanceof PasswordEncoder encoder
                        ? new OnceForTheFixture(encoder)
                        : bean;
            }
        };
    }

    /** Delegates everything, but answers the one hash of the fixture password after making it once. */
    static final class OnceForTheFixture implements PasswordEncoder {

        private final PasswordEncoder encoder;
        private final Supplier<String> fixture;

        OnceForTheFixture(PasswordEncoder encoder) {
            this.encoder = encoder;
            this.fixture = SingletonSupplier.of(() -> encoder.encode(TestUsers.PASSWORD));
        }

        @Override
        public String encode(CharSequence raw) {
            return TestUsers.PASSWORD.contentEquals(raw) ? fixture.get() : encoder.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return encoder.matches(raw, encoded);
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return encoder.upgradeEncoding(encoded);
        }
    }
}
