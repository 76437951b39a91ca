package dev.latchkey.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Admins read audit events by name, in their language: every event type the log records has one in each bundle. */
class AuditEventNamesTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"messages", "messages_nl"})
    void everyEventTypeHasAReadableName(String bundle) throws IOException {
        Properties texts = new Properties();
        try (Reader in = new InputStreamReader(
                getClass().getResourceAsStream("/" + bundle + ".properties"), StandardCharsets.UTF_8)) {
            texts.load(in);
        }
        assertThat(AuditLog.TYPES)
                .allSatisfy(type -> assertThat(texts.getProperty("audit.type." + type))
                        .as("audit.type.%s in %s", type, bundle)
                        .isNotBlank()
                        .isNotEqualTo(type));
        assertThat(texts.getProperty("audit.outcome.success")).isNotBlank();
        assertThat(texts.getProperty("audit.outcome.failure")).isNotBlank();
    }
}
