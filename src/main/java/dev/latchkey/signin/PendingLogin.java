package dev.latchkey.signin;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import dev.latchkey.mfa.FactorType;

/**
 * A login between the password step and the second factor, held in the server-side session. {@code loginId} is a
 * fresh random value: every challenge is bound to it, so a code of one login is worthless in another session.
 * {@code available} is in the chooser's order.
 *
 * <p>Sessions stored by versions before the factors were typed hold them as their ids ({@code "email"}, …).
 * Deserialisation runs the canonical constructor, which reads either form, so such a login goes on after an upgrade;
 * an id that names no factor is left out.
 */
record PendingLogin(
        String loginId,
        long userId,
        String realm,
        Instant startedAt,
        Set<FactorType> allowedFactors,
        Duration codeTtl,
        List<FactorType> available,
        boolean setupRequired,
        boolean secondFactorPassed,
        String stepUpReturn)
        implements Serializable {

    static final String ATTRIBUTE = PendingLogin.class.getName();

    private static final SecureRandom RANDOM = new SecureRandom();

    PendingLogin {
        allowedFactors = Set.copyOf(factors(allowedFactors));
        available = factors(available);
    }

    static String newLoginId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The name the session store indexes this user's sessions by ({@link LatchkeyPrincipal#name}). */
    String principalName() {
        return LatchkeyPrincipal.name(realm, userId);
    }

    /** A 2FA-required user without an authenticator who has passed the factor they have, before set-up. */
    PendingLogin withSecondFactorPassed() {
        return new PendingLogin(loginId, userId, realm, startedAt, allowedFactors, codeTtl, available, setupRequired,
                true, stepUpReturn);
    }

    /** This login with only the factors of {@code allowed} left (the site's policy changed meanwhile). */
    PendingLogin restrictedTo(Set<FactorType> allowed) {
        return new PendingLogin(loginId, userId, realm, startedAt,
                allowedFactors.stream().filter(allowed::contains).collect(Collectors.toSet()),
                codeTtl, available.stream().filter(allowed::contains).toList(), setupRequired, secondFactorPassed,
                stepUpReturn);
    }

    /** A step-up of a signed-in user (ASVS V6: re-authentication before sensitive actions), not a sign-in. */
    boolean stepUp() {
        return stepUpReturn != null;
    }

    /** Whether the forced authenticator set-up may be shown: after another factor, or when there is none. */
    boolean readyForSetup() {
        return setupRequired && (secondFactorPassed || available.isEmpty());
    }

    boolean expired(Instant now, Duration timeout) {
        return !now.isBefore(startedAt.plus(timeout));
    }

    /** Factor types, or their ids as older versions stored them (raw: the elements' type is not checked). */
    private static List<FactorType> factors(Collection<?> values) {
        return values.stream().map(PendingLogin::factor).flatMap(Optional::stream).toList();
    }

    private static Optional<FactorType> factor(Object value) {
        return value instanceof FactorType type ? Optional.of(type) : FactorType.fromId(String.valueOf(value));
    }
}
