package dev.latchkey.sites;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("site")
record Site(
        @Id Long id,
        String slug,
        String name,
        String defaultRegion,
        MfaMode mfaMode,
        String allowedFactors,
        Integer codeTtlSeconds,
        String brandColor,
        Instant createdAt,
        Integer rememberDays,
        PhishingResistance phishingResistant,
        long policyVersion) {}
