package dev.latchkey.mfa.code;

import dev.latchkey.shared.StoredEnum;
import dev.latchkey.shared.StoredEnumColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Why a one-time code ended ({@code one_time_code.end_reason}); a live code has none. Stored by {@link #dbValue()}.
 * Every version so far wrote only these values. One this version does not know reads as {@code null}: the code is still
 * ended (by {@code ended_at}), just not for a reason that changes what the code page says.
 */
enum CodeEndReason implements StoredEnum {
    /** Accepted: used up by the right answer. */
    USED("USED"),
    /** Replaced by a newer code of the same login (Resend). */
    RESENT("RESENT"),
    /** Replaced by a code of another login of the same user. */
    SUPERSEDED("SUPERSEDED"),
    /** Withdrawn while its message still waited, because a new sign-in of the user asked for a code: never sent. */
    UNSENT("UNSENT"),
    /** Tried after it expired. */
    EXPIRED("EXPIRED"),
    /** Too many wrong answers. */
    EXHAUSTED("EXHAUSTED");

    private final String dbValue;

    CodeEndReason(String dbValue) {
        this.dbValue = dbValue;
    }

    @Override
    public String dbValue() {
        return dbValue;
    }

    @Configuration(proxyBeanMethods = false)
    static class Columns {

        @Bean
        StoredEnumColumns codeEndReasonColumns() {
            return StoredEnumColumns.of(CodeEndReason.class);
        }
    }
}
