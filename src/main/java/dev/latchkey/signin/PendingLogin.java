package dev.latchkey.signin;

import dev.latchkey.mfa.FactorType;
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

/**
 * A login between the password step and the second factor, held in the server-side session. {@code loginId} is a fresh
 * random value: every challenge is bound to it, so a code of one login is worthless in another session.
 * {@code available} is in the chooser's order.
 *
 * <p>The code works with {@link FactorType}s ({@link #of}, {@link #allowedTypes()}, {@link #availableTypes()}); the
 * record holds the factors' ids ({@code "email"}, …), its stored form in the session store. That form is the one every
 * version of Latchkey writes and reads, so during a rolling upgrade a login begun on one node goes on at a node of the
 * other version (serialised enum constants would break an older node). An id that names no factor known to this version
 * is ignored by the typed accessors.
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
        String stepUpReturn,
        String setupFactor)
        implements Serializable {

    static final String ATTRIBUTE = PendingLogin.class.getName();

    private static final SecureRandom RANDOM = new SecureRandom();

    PendingLogin {
        allowedFactors = Set.copyOf(allowedFactors);
        available = List.copyOf(available);
    }

    /** A login whose forced set-up, if any, is the authenticator app. */
    PendingLogin(
            String loginId,
            long userId,
            String realm,
            Instant startedAt,
            Set<String> allowedFactors,
            Duration codeTtl,
            List<String> available,
            boolean setupRequired,
            boolean secondFactorPassed,
            String stepUpReturn) {
        this(
                loginId,
                userId,
                realm,
                startedAt,
                allowedFactors,
                codeTtl,
                available,
                setupRequired,
                secondFactorPassed,
                stepUpReturn,
                null);
    }

    /** A login whose factors are given as types. */
    static PendingLogin of(
            String loginId,
            long userId,
            String realm,
            Instant startedAt,
            Set<FactorType> allowedFactors,
            Duration codeTtl,
            List<FactorType> available,
            boolean setupRequired,
            boolean secondFactorPassed,
            String stepUpReturn) {
        return new PendingLogin(
                loginId,
                userId,
                realm,
                startedAt,
                ids(allowedFactors).collect(Collectors.toSet()),
                codeTtl,
                ids(available).toList(),
                setupRequired,
                secondFactorPassed,
                stepUpReturn);
    }

    /** The factors the site allowed when the password was checked. */
    Set<FactorType> allowedTypes() {
        return FactorType.fromIds(allowedFactors);
    }

    /** The factors this user can pass, in the chooser's order. */
    List<FactorType> availableTypes() {
        return available.stream()
                .map(FactorType::fromId)
                .flatMap(Optional::stream)
                .toList();
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
        return new PendingLogin(
                loginId,
                userId,
                realm,
                startedAt,
                allowedFactors,
                codeTtl,
                available,
                setupRequired,
                true,
                stepUpReturn,
                setupFactor);
    }

    /** This login with only the factors of {@code allowed} left (the site's policy changed meanwhile). */
    PendingLogin restrictedTo(Set<FactorType> allowed) {
        return of(
                        loginId,
                        userId,
                        realm,
                        startedAt,
                        allowedTypes().stream().filter(allowed::contains).collect(Collectors.toSet()),
                        codeTtl,
                        availableTypes().stream().filter(allowed::contains).toList(),
                        setupRequired,
                        secondFactorPassed,
                        stepUpReturn)
                .withSetupFactor(setupFactor);
    }

    /**
     * F-ASSURANCE: this sign-in, now that the site requires a passkey of the user: the passkey alone (none when the
     * user has none), and no forced set-up — an authenticator app is no way around it.
     */
    PendingLogin passkeyOnly(boolean hasPasskey) {
        List<FactorType> passkey = hasPasskey ? List.of(FactorType.PASSKEY) : List.of();
        return of(
                loginId,
                userId,
                realm,
                startedAt,
                Set.of(FactorType.PASSKEY),
                codeTtl,
                passkey,
                false,
                false,
                stepUpReturn);
    }

    /** Whether only a passkey may pass this login (and it sets nothing up). */
    boolean passkeyOnly() {
        return !setupRequired && availableTypes().equals(List.of(FactorType.PASSKEY));
    }

    /**
     * F-ASSURANCE: the factor a forced set-up enrols, by its id ({@code passkey} when the site requires
     * phishing-resistant sign-in); null, the stored form of every older version, is the authenticator app.
     */
    PendingLogin withSetupFactor(String factor) {
        return new PendingLogin(
                loginId,
                userId,
                realm,
                startedAt,
                allowedFactors,
                codeTtl,
                available,
                setupRequired,
                secondFactorPassed,
                stepUpReturn,
                factor);
    }

    /** Whether the forced set-up makes the user register a passkey (else an authenticator app). */
    boolean passkeySetup() {
        return FactorType.PASSKEY.id().equals(setupFactor);
    }

    /** A step-up of a signed-in user (ASVS V6: re-authentication before sensitive actions), not a sign-in. */
    boolean stepUp() {
        return stepUpReturn != null;
    }

    /** Whether the forced authenticator set-up may be shown: after another factor, or when there is none. */
    boolean readyForSetup() {
        return setupRequired && (secondFactorPassed || availableTypes().isEmpty());
    }

    boolean expired(Instant now, Duration timeout) {
        return !now.isBefore(startedAt.plus(timeout));
    }

    private static java.util.stream.Stream<String> ids(Collection<FactorType> types) {
        return types.stream().map(FactorType::id);
    }
}
