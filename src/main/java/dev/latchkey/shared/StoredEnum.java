package dev.latchkey.shared;

import java.util.Arrays;
import java.util.Optional;

/**
 * An enum kept in a database column by a fixed string of its own, {@link #dbValue()}: what rows hold stays the same
 * whatever the constants are called in code. Spring Data JDBC entities read and write one through
 * {@link StoredEnumColumns}; plain SQL binds {@link #dbValue()} and reads with {@link #fromDb}.
 *
 * <p>A value this version does not know (written by a newer version before a roll-back, or by hand) reads as
 * <em>empty</em>, never as an error: each caller says what an unknown value means, so no page fails on such a row.
 */
public interface StoredEnum {

    /** The exact string the database holds for this constant. */
    String dbValue();

    /** The constant stored as {@code value}; empty for null or a value this version does not know. */
    static <E extends Enum<E> & StoredEnum> Optional<E> fromDb(Class<E> type, String value) {
        return value == null
                ? Optional.empty()
                : Arrays.stream(type.getEnumConstants())
                        .filter(e -> e.dbValue().equals(value))
                        .findFirst();
    }
}
