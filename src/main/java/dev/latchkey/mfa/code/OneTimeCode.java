package dev.latchkey.mfa.code;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One email or SMS code of one login. Only an HMAC of the code is stored. */
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
        String endReason) {

    boolean live() {
        return endedAt == null;
    }
}
