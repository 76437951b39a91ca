package dev.latchkey.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.shared.ProductionSettings.MissingSettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** F-OPS-1: outside the demo, Latchkey does not start without its production settings, and says which. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionSettingsTests {

    @Test
    void withoutTheDemoAndWithoutSettingsItStopsAndNamesEveryMissingSetting() {
        assertThatThrownBy(() -> start("--server.port=0", "--management.server.port=0"))
                .isInstanceOf(MissingSettingsException.class)
                .satisfies(failure -> assertThat(((MissingSettingsException) failure).missing())
                        .extracting(ProductionSettings.Setting::property)
                        .containsExactly(
                                "spring.datasource.url",
                                "latchkey.encryption-key",
                                "spring.mail.host",
                                "latchkey.base-url"));
    }

    @Test
    void namesOnlyWhatIsMissing() {
        assertThatThrownBy(() -> start(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:never-opened",
                        "--spring.mail.host=127.0.0.1",
                        "--latchkey.base-url=https://portal.example.test",
                        "--latchkey.encryption-key= "))
                .isInstanceOf(MissingSettingsException.class)
                .satisfies(failure -> assertThat(((MissingSettingsException) failure).missing())
                        .extracting(ProductionSettings.Setting::property)
                        .containsExactly("latchkey.encryption-key"));
    }

    @Test
    void anExplicitDemoFalseIsStillNotTheDemo() {
        assertThatThrownBy(() -> start(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--latchkey.demo=false",
                        "--spring.profiles.active=demo"))
                .isInstanceOf(MissingSettingsException.class);
    }

    @Test
    void onlyTheValueTrueIsTheDemoAsForTheDemosOwnBeans() {
        assertThatThrownBy(() -> start("--server.port=0", "--management.server.port=0", "--latchkey.demo=on"))
                .isInstanceOf(MissingSettingsException.class);
    }

    @Test
    void actuatorOnThePublicPortIsRefusedEvenInTheDemo() {
        assertThatThrownBy(() ->
                        start("--server.port=18555", "--management.server.port=18555", "--spring.profiles.active=demo"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("management.server.port must differ from server.port");
    }

    @Test
    void theStartFailureReportNamesTheSettingsTheirVariablesAndTheDemoSwitch(CapturedOutput output) {
        assertThatThrownBy(() -> start("--server.port=0", "--management.server.port=0", "--spring.mail.host=127.0.0.1"))
                .isInstanceOf(MissingSettingsException.class);
        assertThat(output.getAll())
                .contains(
                        "APPLICATION FAILED TO START",
                        "spring.datasource.url (SPRING_DATASOURCE_URL)",
                        "latchkey.encryption-key (LATCHKEY_ENCRYPTION_KEY)",
                        "latchkey.base-url (LATCHKEY_BASE_URL)",
                        "--spring.profiles.active=demo");
        assertThat(output.getAll()).doesNotContain("spring.mail.host (SPRING_MAIL_HOST)");
    }

    private static void start(String... args) {
        SpringApplication application = new SpringApplication(LatchkeyApplication.class);
        application.run(args).close();
    }
}
