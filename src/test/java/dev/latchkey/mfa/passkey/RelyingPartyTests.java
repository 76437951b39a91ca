package dev.latchkey.mfa.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.mfa.passkey.PasskeyProperties.RelyingParty;
import dev.latchkey.shared.LatchkeyProperties;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** F-PASSKEY: where the relying party's id and origins come from when {@code latchkey.webauthn.*} leaves them unset. */
class RelyingPartyTests {

    private static final LatchkeyProperties PRODUCTION =
            new LatchkeyProperties(URI.create("https://portal.example.com"), false);
    private static final PasskeyProperties UNSET = new PasskeyProperties(null, null, null, Duration.ofMinutes(5));

    @Test
    void outsideTheDemoTheyComeFromTheBaseUrlWhateverTheRequestSays() {
        RelyingParty party = Passkeys.partyFor(UNSET, PRODUCTION, "https://evil.example.com");
        assertThat(party.id()).isEqualTo("portal.example.com");
        assertThat(party.origins()).containsExactly("https://portal.example.com");
    }

    @Test
    void anRpIdWithoutOriginsOutsideTheDemoAcceptsOnlyTheBaseUrlsOrigin() {
        PasskeyProperties rpIdOnly = new PasskeyProperties("example.com", null, null, Duration.ofMinutes(5));
        RelyingParty party = Passkeys.partyFor(rpIdOnly, PRODUCTION, "https://evil.example.com");
        assertThat(party.id()).isEqualTo("example.com");
        assertThat(party.origins()).containsExactly("https://portal.example.com");
    }

    @Test
    void configuredValuesWin() {
        PasskeyProperties set = new PasskeyProperties(
                "example.com", "Acme", Set.of("https://a.example.com", "https://b.example.com"), Duration.ZERO);
        RelyingParty party = Passkeys.partyFor(set, PRODUCTION, "https://evil.example.com");
        assertThat(party.origins()).containsExactlyInAnyOrder("https://a.example.com", "https://b.example.com");
    }

    @Test
    void theDemoAndTheTestsOnRandomPortsTakeThemFromTheRequest() {
        LatchkeyProperties demo = new LatchkeyProperties(URI.create("http://localhost:8080"), true);
        RelyingParty party = Passkeys.partyFor(UNSET, demo, "http://localhost:41234");
        assertThat(party.id()).isEqualTo("localhost");
        assertThat(party.origins()).containsExactly("http://localhost:41234");
    }
}
