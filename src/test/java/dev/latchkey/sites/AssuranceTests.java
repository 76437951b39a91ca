package dev.latchkey.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** F-ASSURANCE: a site's second step is worth what its weakest allowed factor is worth. */
class AssuranceTests {

    @ParameterizedTest
    @CsvSource({
        "passkey, phishing-resistant",
        "totp, multi-factor",
        "sms, multi-factor",
        "backup, multi-factor",
        "passkey totp, multi-factor",
        "totp sms backup, multi-factor",
        "email, email-only",
        "passkey email, email-only",
        "email sms totp backup, email-only",
        "'', email-only"
    })
    void theWeakestAllowedFactorDecides(String factors, String level) {
        List<String> allowed = factors.isBlank() ? List.of() : List.of(factors.split(" "));
        assertThat(Assurance.of(allowed).id()).isEqualTo(level);
    }

    @ParameterizedTest
    @CsvSource({"OFF, email-only", "FLAGGED, email-only", "ALL, phishing-resistant"})
    void aSiteThatRequiresPasskeysOfEveryoneIsPhishingResistant(PhishingResistance resistance, String level) {
        SiteView site =
                new SiteView(1, "s", "S", "NL", MfaMode.REQUIRED, Set.of("email", "totp"), null, null, 30, resistance);
        assertThat(Assurance.of(site).id()).isEqualTo(level);
    }

    @ParameterizedTest
    @CsvSource({
        "OFF, false, false",
        "OFF, true, false",
        "FLAGGED, false, false",
        "FLAGGED, true, true",
        "ALL, false, true",
        "ALL, true, true"
    })
    void whoMustUseAPasskey(PhishingResistance resistance, boolean flagged, boolean must) {
        assertThat(resistance.appliesTo(flagged)).isEqualTo(must);
    }
}
