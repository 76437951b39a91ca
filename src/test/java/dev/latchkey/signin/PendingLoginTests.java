package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import dev.latchkey.mfa.FactorType;
import org.junit.jupiter.api.Test;

class PendingLoginTests {

    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void survivesTheSessionStoreWithItsFactorsInOrder() throws Exception {
        PendingLogin login = login(Set.of(FactorType.EMAIL, FactorType.SMS, FactorType.TOTP),
                List.of(FactorType.TOTP, FactorType.EMAIL, FactorType.SMS));
        PendingLogin read = roundTrip(login);
        assertThat(read).isEqualTo(login);
        assertThat(read.available()).containsExactly(FactorType.TOTP, FactorType.EMAIL, FactorType.SMS);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aLoginStoredWithFactorIdsByAnOlderVersionReadsAsTypesAndDropsIdsItDoesNotKnow() throws Exception {
        // what deserialising a session written before the factors were typed hands the constructor
        PendingLogin login = login((Set) Set.of("email", "sms", "passkey"), (List) List.of("sms", "passkey", "email"));
        assertThat(roundTrip(login).allowedFactors()).containsExactlyInAnyOrder(FactorType.EMAIL, FactorType.SMS);
        assertThat(login.available()).containsExactly(FactorType.SMS, FactorType.EMAIL);
    }

    @Test
    void restrictingKeepsOnlyTheFactorsStillAllowed() {
        PendingLogin login = login(Set.of(FactorType.EMAIL, FactorType.SMS), List.of(FactorType.EMAIL, FactorType.SMS));
        PendingLogin restricted = login.restrictedTo(Set.of(FactorType.SMS));
        assertThat(restricted.allowedFactors()).containsExactly(FactorType.SMS);
        assertThat(restricted.available()).containsExactly(FactorType.SMS);
    }

    @Test
    void itsPrincipalNameIsTheSignedInPrincipals() {
        PendingLogin login = login(Set.of(FactorType.EMAIL), List.of(FactorType.EMAIL));
        assertThat(login.principalName())
                .isEqualTo(new LatchkeyPrincipal(42, "acme", "a@acme.test", "A", null).getName())
                .isEqualTo("acme|42");
    }

    private static PendingLogin login(Set<FactorType> allowed, List<FactorType> available) {
        return new PendingLogin("login-1", 42, "acme", START, allowed, Duration.ofMinutes(5), available, false, false,
                null);
    }

    private static PendingLogin roundTrip(PendingLogin login) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(login);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (PendingLogin) in.readObject();
        }
    }
}
