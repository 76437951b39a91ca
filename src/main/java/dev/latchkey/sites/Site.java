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
        PhishingResistance phishingResistant) {

    Site withPolicy(MfaMode mode, String factors, Integer ttlSeconds) {
        return new Site(
                id,
                slug,
                name,
                defaultRegion,
                mode,
                factors,
                ttlSeconds,
                brandColor,
                createdAt,
                rememberDays,
                phishingResistant);
    }

    Site withSignInExtras(Integer days, PhishingResistance resistance) {
        return new Site(
                id,
                slug,
                name,
                defaultRegion,
                mfaMode,
                allowedFactors,
                codeTtlSeconds,
                brandColor,
                createdAt,
                days,
                resistance);
    }

    Site withBrandColor(String color) {
        return new Site(
                id,
                slug,
                name,
                defaultRegion,
                mfaMode,
                allowedFactors,
                codeTtlSeconds,
                color,
                createdAt,
                rememberDays,
                phishingResistant);
    }
}
