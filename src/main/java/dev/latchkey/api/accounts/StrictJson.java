package dev.latchkey.api.accounts;

import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * A request body that refuses fields it does not know (a misspelt {@code emial} is a 400, not silently dropped), even
 * though the application's JSON mapper ignores unknown properties elsewhere.
 */
interface StrictJson {

    @JsonAnySetter
    default void unknownField(String name, Object value) {
        throw new IllegalArgumentException("unknown field: " + name);
    }
}
