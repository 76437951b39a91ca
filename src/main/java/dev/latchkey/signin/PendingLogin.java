package dev.latchkey.signin;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A login between the password step and the second factor, held in the server-side session. {@code loginId} is a
 * fresh random value: every challenge is bound to it, so a code of one login is worthless in another session.
 */
record PendingLogin(
        String loginId,
        long userId,
        String realm,
        Instant startedAt,
        Set<String> allowedFactors,
        Duration codeTtl,
        List<String> available,
        boolean setupRequired,
        boolean secondFactorPassed,
        String stepUpReturn)
        implements Serializable {

    static final String ATTRIBUTE = PendingLogin.class.getName();

    private static final SecureRandom RANDOM = new SecureRandom();

    static String newLoginId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A 2FA-required user without an authenticator who has passed the factor they have, before set-up. */
    PendingLogin withSecondFactorPassed() {
        return new PendingLogin(loginId, userId, realm, startedAt, allowedFactors, codeTtl, available, setupRequired,
                true, stepUpReturn);
    }

    /** This login with only the factors of {@code allowed} left (the site's policy changed meanwhile). */
    PendingLogin restrictedTo(Set<String> allowed) {
        return new PendingLogin(loginId, userId, realm, startedAt,
                allowedFactors.stream().filter(allowed::contains).collect(java.util.stream.Collectors.toSet()),
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
}
