package dev.latchkey.api.sites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.ApiScope;
import dev.latchkey.sites.MfaMode;
import dev.latchkey.sites.SiteDraft;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.ApiClient;
import dev.latchkey.test.ApiClient.Response;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** F-POLICY-3 over the API: under always-on the mode is locked to required, exactly as on Login &amp; Security. */
@IntegrationTest
@TestPropertySource(properties = "latchkey.mfa.always-on=true")
class SitesApiAlwaysOnIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    Sites sites;

    @Test
    void aWeakerModeIsAConflictAndAMissingModeStaysRequired() {
        SiteView site = sites.create(new SiteDraft(
                "api-locked-" + (System.nanoTime() % 1_000_000), "Locked", "NL", MfaMode.REQUIRED, Set.of("email")));
        String token = tokens.issue("locked", ApiScope.READ, ApiScope.SITES_WRITE);
        String path = "/api/v1/sites/" + site.slug() + "/mfa-policy";
        assertThat(ApiClient.at(port).get(path, token).body().get("alwaysOn").asBoolean())
                .isTrue();

        for (String mode : List.of("off", "optional")) {
            Response refused = ApiClient.at(port)
                    .put(path, token, Map.of("mode", mode, "factors", List.of("totp"), "phishingResistant", "off"));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(sites.findById(site.id()).orElseThrow()).isEqualTo(site);

        Response kept = ApiClient.at(port)
                .put(path, token, Map.of("factors", List.of("email", "totp"), "phishingResistant", "off"));
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.body().get("mode").asString()).isEqualTo("required");
        assertThat(sites.findById(site.id()).orElseThrow().allowedFactors()).containsExactlyInAnyOrder("email", "totp");
    }
}
