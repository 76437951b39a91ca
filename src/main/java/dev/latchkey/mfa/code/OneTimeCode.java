package dev.latchkey.mfa.code;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One email or SMS code of one login. Only an HMAC of the code is stored. {@code endReason} is null while the code is
 * live, and for a reason this version does not know ({@link CodeEndReason}).
 */
@Table("one_time_code")
record OneTimeCode(
        @Id Long id,
        long userId,
        String loginId,
        String channel,
        String codeHash,
        Instant createdAt,
        Instant expiresAt,
        int attempts,
        Instant endedAt,
        CodeEndReason endReason) {

    boolean live() {
        return endedAt == null;
    }
}
