package dev.latchkey.mfa;

import dev.latchkey.sites.Realm;
import java.time.Duration;
import java.util.Locale;

/**
 * Who a factor works for in one login: the user, their contact details, the realm, and the realm's code lifetime.
 * {@code loginId} is the random id of this login; every challenge is bound to it.
 */
public record FactorSubject(
        long userId,
        String displayName,
        String email,
        boolean emailConfirmed,
        String phone,
        Realm realm,
        String loginId,
        Duration codeTtl,
        Locale locale) {}
