package dev.latchkey.api.users;

import jakarta.validation.constraints.NotNull;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The body of {@code POST /api/v1/users/{id}/require-2fa}: the value "2FA required" is set to, a JSON {@code true} or
 * {@code false} and nothing Jackson would coerce into one ({@code 1}, {@code "true"}).
 */
record RequireMfaRequest(
        @NotNull @JsonDeserialize(using = RequireMfaRequest.StrictBoolean.class)
        Boolean required) {

    static final class StrictBoolean extends ValueDeserializer<Boolean> {

        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return token == JsonToken.VALUE_TRUE;
            }
            return (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
        }
    }
}
