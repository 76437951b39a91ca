package dev.latchkey.shared;

import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * F-OPS-1: outside the demo, Latchkey starts only with the settings a production deployment needs, and names every one
 * that is missing in a single message (see {@link MissingSettingsFailureAnalyzer}). It runs before any bean is made, so
 * nothing touches a database or sends mail first.
 */
final class ProductionSettings implements BeanFactoryPostProcessor {

    /** The settings a deployment without the demo must give, with the environment variable that sets each. */
    static final List<Setting> REQUIRED = List.of(
            new Setting(
                    "spring.datasource.url",
                    "SPRING_DATASOURCE_URL",
                    "the database, e.g. jdbc:postgresql://db:5432/latchkey"),
            new Setting(
                    "latchkey.encryption-key",
                    "LATCHKEY_ENCRYPTION_KEY",
                    "the key for secrets at rest: openssl rand -base64 32"),
            new Setting("spring.mail.host", "SPRING_MAIL_HOST", "the SMTP server that sends the codes"),
            new Setting(
                    "latchkey.base-url", "LATCHKEY_BASE_URL", "the public address, e.g. https://portal.example.com"));

    record Setting(String property, String variable, String meaning) {}

    /**
     * Whether this is the demo: {@code latchkey.demo} is exactly {@code true}, the same rule as the demo's beans
     * ({@code @ConditionalOnProperty(havingValue = "true")}), so that "on" or "yes" never skip this check while loading
     * no demo.
     */
    static boolean demo(Environment environment) {
        return "true"
                .equalsIgnoreCase(environment.getProperty("latchkey.demo", "").trim());
    }

    private final Environment environment;

    ProductionSettings(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String managementPort = environment.getProperty("management.server.port", "");
        if (!managementPort.isBlank()
                && !managementPort.equals("0")
                && !managementPort.equals("-1")
                && managementPort.equals(environment.getProperty("server.port", "8080"))) {
            // Actuator would then answer on the public port, where its endpoints need no sign-in
            throw new IllegalStateException("management.server.port must differ from server.port: health and"
                    + " metrics need no sign-in and must stay off the public port");
        }
        if (demo(environment)) {
            return;
        }
        List<Setting> missing = REQUIRED.stream()
                .filter(setting ->
                        environment.getProperty(setting.property(), "").isBlank())
                .toList();
        if (!missing.isEmpty()) {
            throw new MissingSettingsException(missing);
        }
    }

    /** Thrown at start when the demo is off and production settings are missing. */
    static final class MissingSettingsException extends RuntimeException {

        private final transient List<Setting> missing;

        MissingSettingsException(List<Setting> missing) {
            super("Missing production settings: "
                    + String.join(", ", missing.stream().map(Setting::property).toList()));
            this.missing = List.copyOf(missing);
        }

        List<Setting> missing() {
            return missing;
        }
    }
}
