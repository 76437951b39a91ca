package dev.latchkey.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.test.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * F-API-1: every write of a site's policy bumps its version, and an update from a version that is no longer current
 * changes nothing, also when several race.
 */
@IntegrationTest
class SitePolicyVersionIntegrationTests {

    static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired
    MfaPolicy policy;

    @Autowired
    Sites sites;

    @Test
    void everyWriteOfThePolicyBumpsTheVersion() {
        SiteView site = newSite();
        long start = site.policyVersion();
        SiteView moded = policy.updateSite(site.id(), MfaMode.REQUIRED, Set.of("email"), null, "test");
        assertThat(moded.policyVersion()).isGreaterThan(start);
        SiteView extras = policy.updateSignInExtras(site.id(), 7, PhishingResistance.OFF, "test");
        assertThat(extras.policyVersion()).isGreaterThan(moded.policyVersion());
        SiteView whole = policy.updateSitePolicy(
                site.id(),
                new SitePolicy(MfaMode.OPTIONAL, Set.of("totp"), null, null, PhishingResistance.ALL),
                null,
                "t");
        assertThat(whole.policyVersion()).isGreaterThan(extras.policyVersion());
        assertThat(whole.allowedFactors()).as("requiring a passkey allows it").contains("passkey", "totp");
    }

    @Test
    void anUpdateFromAStaleVersionChangesNothing() {
        SiteView site = newSite();
        policy.updateSite(site.id(), MfaMode.REQUIRED, Set.of("email", "sms"), null, "test");
        SitePolicy weaker =
                new SitePolicy(MfaMode.OFF, Set.of("email"), Duration.ofMinutes(3), 5, PhishingResistance.OFF);
        assertThatThrownBy(() -> policy.updateSitePolicy(site.id(), weaker, site.policyVersion(), "test"))
                .isInstanceOf(StalePolicyException.class);
        SiteView after = sites.findById(site.id()).orElseThrow();
        assertThat(after.mfaMode()).isEqualTo(MfaMode.REQUIRED);
        assertThat(after.allowedFactors()).containsExactlyInAnyOrder("email", "sms");
    }

    @Test
    void ofConcurrentUpdatesFromOneVersionExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            SiteView site = newSite();
            int racers = 2 + round;
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            try {
                List<Callable<Boolean>> calls = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    int days = i + 1;
                    calls.add(() -> {
                        try {
                            policy.updateSitePolicy(
                                    site.id(),
                                    new SitePolicy(
                                            MfaMode.REQUIRED, Set.of("email"), null, days, PhishingResistance.OFF),
                                    site.policyVersion(),
                                    "racer");
                            return true;
                        } catch (StalePolicyException ex) {
                            return false;
                        }
                    });
                }
                int winners = 0;
                for (Future<Boolean> answer : pool.invokeAll(calls)) {
                    winners += answer.get() ? 1 : 0;
                }
                assertThat(winners).as("round %d", round).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private SiteView newSite() {
        return sites.create(new SiteDraft(
                "version-" + SEQUENCE.incrementAndGet(), "Version Test", "NL", MfaMode.OPTIONAL, Set.of("email")));
    }
}
