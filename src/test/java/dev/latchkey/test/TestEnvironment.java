package dev.latchkey.test;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application under test at the test database and the test SMTP server, with a fixed encryption key and a
 * fast outbox.
 */
public final class TestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** A fixed test key (base64 of 32 bytes); never used outside tests. */
    public static final String ENCRYPTION_KEY = "test:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
        // the demo's data and inbox, as in ./mvnw spring-boot:run, unless a test says otherwise
        if (!context.getEnvironment().containsProperty("latchkey.demo")) {
            properties.put("latchkey.demo", "true");
        }
        if (!context.getEnvironment().containsProperty("latchkey.base-url")) {
            properties.put("latchkey.base-url", "http://localhost:8080");
        }
        // every node of a test on a free port of its own
        properties.put("management.server.port", "0");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", TestMailServer.port());
        properties.put("latchkey.encryption-key", ENCRYPTION_KEY);
        properties.put("latchkey.sms.twilio.api-base-url", TestTwilio.baseUrl());
        // every test signs in from 127.0.0.1; PasswordThrottleIntegrationTests tests the per-address limit itself
        if (!context.getEnvironment().containsProperty("latchkey.signin.address-free-failures")) {
            properties.put("latchkey.signin.address-free-failures", "100000");
        }
        properties.put("latchkey.delivery.poll-interval", "PT0.2S");
        properties.put("latchkey.delivery.first-retry", "PT0.3S");
        properties.put("latchkey.delivery.max-retry-delay", "PT1S");
        properties.put("latchkey.delivery.max-attempts", "50");
        properties.put("spring.mail.properties.mail.smtp.timeout", "4000");
        properties.put("spring.mail.properties.mail.smtp.connectiontimeout", "3000");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("latchkey-test", properties));
    }
}
