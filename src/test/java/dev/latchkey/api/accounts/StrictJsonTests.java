package dev.latchkey.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies refuse unknown fields even with a mapper that ignores them. */
class StrictJsonTests {

    private final JsonMapper lenient = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void anUnknownFieldIsRefused() {
        assertThatThrownBy(() -> lenient.readValue("{\"site\": \"acme\", \"x\": 1}", PromoteRequest.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> lenient.readValue(
                        "{\"externalId\": \"a\", \"accountExternalId\": \"b\", \"name\": \"n\", \"emial\": \"\"}",
                        BulkContactLine.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void knownFieldsAreRead() {
        assertThat(lenient.readValue("{\"site\": \"acme\"}", PromoteRequest.class)
                        .site())
                .isEqualTo("acme");
        assertThat(lenient.readValue(
                                "{\"number\": \"1\", \"name\": \"n\", \"kind\": \"CUSTOMER\", \"contracts\":"
                                        + " [{\"number\": \"c\", \"type\": \"t\", \"status\": \"s\"}]}",
                                AccountRequest.class)
                        .contracts())
                .hasSize(1);
    }
}
