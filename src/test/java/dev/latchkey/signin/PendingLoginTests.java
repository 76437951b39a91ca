package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.mfa.FactorType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PendingLoginTests {

    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void survivesTheSessionStoreWithItsFactorsInOrder() throws Exception {
        PendingLogin login = login(
                Set.of(FactorType.EMAIL, FactorType.SMS, FactorType.TOTP),
                List.of(FactorType.TOTP, FactorType.EMAIL, FactorType.SMS));
        PendingLogin read = roundTrip(login);
        assertThat(read).isEqualTo(login);
        assertThat(read.availableTypes()).containsExactly(FactorType.TOTP, FactorType.EMAIL, FactorType.SMS);
    }

    @Test
    void itIsStoredWithTheFactorsIdsSoThatEveryVersionReadsIt() {
        PendingLogin login =
                login(Set.of(FactorType.EMAIL, FactorType.TOTP), List.of(FactorType.TOTP, FactorType.EMAIL));
        // the serialised record holds only strings: a node of an older version (ids as strings) reads it
        assertThat(login.allowedFactors()).containsExactlyInAnyOrder("email", "totp");
        assertThat(login.available()).containsExactly("totp", "email");
    }

    @Test
    void idsThisVersionDoesNotKnowAreIgnoredByTheTypedView() throws Exception {
        // as a node of a newer version, with a factor this one lacks, may have stored it
        PendingLogin login = new PendingLogin(
                "login-1",
                42,
                "acme",
                START,
                Set.of("email", "sms", "smartcard"),
                Duration.ofMinutes(5),
                List.of("sms", "smartcard", "email"),
                false,
                false,
                null);
        assertThat(roundTrip(login).allowedTypes()).containsExactlyInAnyOrder(FactorType.EMAIL, FactorType.SMS);
        assertThat(login.availableTypes()).containsExactly(FactorType.SMS, FactorType.EMAIL);
    }

    @Test
    void restrictingKeepsOnlyTheFactorsStillAllowed() {
        PendingLogin login = login(Set.of(FactorType.EMAIL, FactorType.SMS), List.of(FactorType.EMAIL, FactorType.SMS));
        PendingLogin restricted = login.restrictedTo(Set.of(FactorType.SMS));
        assertThat(restricted.allowedTypes()).containsExactly(FactorType.SMS);
        assertThat(restricted.availableTypes()).containsExactly(FactorType.SMS);
    }

    @Test
    void itsPrincipalNameIsTheSignedInPrincipals() {
        PendingLogin login = login(Set.of(FactorType.EMAIL), List.of(FactorType.EMAIL));
        assertThat(login.principalName())
                .isEqualTo(new LatchkeyPrincipal(42, "acme", "a@acme.test", "A", null).getName())
                .isEqualTo("acme|42");
    }

    private static PendingLogin login(Set<FactorType> allowed, List<FactorType> available) {
        return PendingLogin.of(
                "login-1", 42, "acme", START, allowed, Duration.ofMinutes(5), available, false, false, null);
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
