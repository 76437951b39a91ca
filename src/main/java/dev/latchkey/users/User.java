package dev.latchkey.users;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("app_user")
record User(
        @Id Long id,
        Long siteId,
        String loginKey,
        String email,
        String displayName,
        String passwordHash,
        boolean emailConfirmed,
        String phone,
        boolean mfaRequired,
        AdminRole adminRole,
        int secondFactorFailures,
        Instant secondFactorFailedAt,
        Instant lockedAt,
        Instant createdAt,
        String pendingEmail) {}
