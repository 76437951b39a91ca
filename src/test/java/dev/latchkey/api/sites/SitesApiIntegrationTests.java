package dev.latchkey.api.sites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.ApiScope;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.sites.MfaMode;
import dev.latchkey.sites.MfaPolicy;
import dev.latchkey.sites.PhishingResistance;
import dev.latchkey.sites.SiteDraft;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.ApiClient;
import dev.latchkey.test.ApiClient.Response;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * F-API-1 sites and their MFA policy: read, update through the same MfaPolicy as Login &amp; Security, ETag / If-Match
 * (a lost update is a 412, also under a race), scopes, and bad input changing nothing.
 */
@IntegrationTest
class SitesApiIntegrationTests {

    static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    static final Map<String, Object> STRICT = Map.of(
            "mode",
            "required",
            "factors",
            List.of("email", "totp"),
            "codeTtlMinutes",
            3,
            "rememberDays",
            7,
            "phishingResistant",
            "off");

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    Sites sites;

    @Autowired
    MfaPolicy policy;

    @Autowired
    AuditLog audit;

    ApiClient api() {
        return ApiClient.at(port);
    }

    @Test
    void sitesAreListedAndReadWithTheirPolicy() {
        SiteView site = newSite();
        String token = tokens.issue("sites-reader", ApiScope.READ);
        Response list = api().get("/api/v1/sites", token);
        assertThat(list.status()).isEqualTo(200);
        List<String> slugs = new ArrayList<>();
        list.body().get("items").forEach(s -> slugs.add(s.get("slug").asString()));
        assertThat(slugs).contains("acme", "globex", site.slug());

        Response one = api().get("/api/v1/sites/" + site.slug(), token);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body().get("name").asString()).isEqualTo(site.name());
        assertThat(one.body().get("mfaPolicy").get("mode").asString()).isEqualTo("optional");

        Response policyRead = api().get("/api/v1/sites/" + site.slug() + "/mfa-policy", token);
        assertThat(policyRead.status()).isEqualTo(200);
        assertThat(policyRead.header("ETag")).isPresent();
        assertThat(policyRead.body().get("factors").toString()).contains("email");
        assertThat(policyRead.body().get("rememberDays").asInt()).isEqualTo(Sites.DEFAULT_REMEMBER_DAYS);

        for (String path : List.of(
                "/api/v1/sites/no-such-site",
                "/api/v1/sites/no-such-site/mfa-policy",
                "/api/v1/sites/" + "x".repeat(200),
                "/api/v1/sites/ADMIN")) {
            Response missing = api().get(path, token);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.isProblem()).isTrue();
        }
        assertThat(api().get("/api/v1/sites", tokens.issue("no-read", ApiScope.SITES_WRITE))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anUpdateWithTheETagSetsThePolicyAsTheAdminPageDoesAndIsAudited() {
        SiteView site = newSite();
        var issued = tokens.issued("policy-sync", Duration.ofDays(1), ApiScope.READ, ApiScope.SITES_WRITE);
        String path = "/api/v1/sites/" + site.slug() + "/mfa-policy";
        String etag = api().get(path, issued.secret()).header("ETag").orElseThrow();

        Response put = api().put(
                        path,
                        issued.secret(),
                        Map.of(
                                "mode",
                                "required",
                                "factors",
                                List.of("email", "totp"),
                                "codeTtlMinutes",
                                3,
                                "rememberDays",
                                0,
                                "phishingResistant",
                                "all"),
                        "If-Match",
                        etag);
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.header("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(put.body().get("factors").toString())
                .as("requiring a passkey allows it")
                .contains("passkey");

        SiteView after = sites.findById(site.id()).orElseThrow();
        assertThat(after.mfaMode()).isEqualTo(MfaMode.REQUIRED);
        assertThat(after.allowedFactors()).containsExactlyInAnyOrder("email", "totp", "passkey");
        assertThat(after.codeTtl()).isEqualTo(Duration.ofMinutes(3));
        assertThat(after.rememberDays()).isNull();
        assertThat(after.phishingResistant()).isEqualTo(PhishingResistance.ALL);
        assertThat(audit.recent()).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("api-token:" + issued.name());
            assertThat(e.detail()).contains("REQUIRED");
        });

        Response read = api().get(path, issued.secret());
        assertThat(read.header("ETag")).isEqualTo(put.header("ETag"));
        policy.updateSite(site.id(), MfaMode.OPTIONAL, Set.of("email"), null, "admin@example.test");
        assertThat(api().get(path, issued.secret()).header("ETag"))
                .as("a change on the admin page changes the ETag")
                .isNotEqualTo(read.header("ETag"));
    }

    @Test
    void aStaleETagIsAPreconditionFailedAndChangesNothing() {
        SiteView site = newSite();
        String token = tokens.issue("stale", ApiScope.READ, ApiScope.SITES_WRITE);
        String path = "/api/v1/sites/" + site.slug() + "/mfa-policy";
        String etag = api().get(path, token).header("ETag").orElseThrow();
        policy.updateSignInExtras(site.id(), 9, PhishingResistance.OFF, "admin@example.test");

        Response stale = api().put(path, token, STRICT, "If-Match", etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.isProblem()).isTrue();
        Response unknown = api().put(path, token, STRICT, "If-Match", "\"made-up\"");
        assertThat(unknown.status()).isEqualTo(412);
        SiteView after = sites.findById(site.id()).orElseThrow();
        assertThat(after.mfaMode()).isEqualTo(MfaMode.OPTIONAL);
        assertThat(after.rememberDays()).isEqualTo(9);
    }

    @Test
    void ofConcurrentUpdatesWithTheSameETagExactlyOneSucceeds() throws Exception {
        String token = tokens.issue("racer", ApiScope.READ, ApiScope.SITES_WRITE);
        for (int round = 0; round < 3; round++) {
            SiteView site = newSite();
            String path = "/api/v1/sites/" + site.slug() + "/mfa-policy";
            String etag = api().get(path, token).header("ETag").orElseThrow();
            int racers = 3 + round;
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            try {
                List<Callable<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    int days = i + 1;
                    calls.add(() -> api().put(
                                    path,
                                    token,
                                    Map.of(
                                            "mode",
                                            "required",
                                            "factors",
                                            List.of("email"),
                                            "rememberDays",
                                            days,
                                            "phishingResistant",
                                            "off"),
                                    "If-Match",
                                    etag)
                            .status());
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : pool.invokeAll(calls)) {
                    statuses.add(answer.get());
                }
                assertThat(statuses).as("round %d", round).containsOnly(200, 412);
                assertThat(statuses.stream().filter(s -> s == 200).count())
                        .as("round %d: %s", round, statuses)
                        .isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void updatingNeedsSitesWriteAndBadInputChangesNothing() {
        SiteView site = newSite();
        String path = "/api/v1/sites/" + site.slug() + "/mfa-policy";
        String reader = tokens.issue("reader", ApiScope.READ, ApiScope.USERS_WRITE, ApiScope.CONTACTS_WRITE);
        assertThat(api().put(path, reader, STRICT).status()).isEqualTo(403);
        assertThat(api().put(path, null, STRICT).status()).isEqualTo(401);

        String writer = tokens.issue("writer", ApiScope.SITES_WRITE);
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("{\"mode\": \"sometimes\", \"factors\": [\"email\"], \"phishingResistant\": \"off\"}", "mode");
        bad.put("{\"factors\": [\"email\"], \"phishingResistant\": \"off\"}", "mode");
        bad.put("{\"mode\": \"required\", \"factors\": [\"pigeon\"], \"phishingResistant\": \"off\"}", "factors[0]");
        bad.put("{\"mode\": \"required\", \"phishingResistant\": \"off\"}", "factors");
        bad.put("{\"mode\": \"required\", \"factors\": [], \"phishingResistant\": \"some\"}", "phishingResistant");
        bad.put(
                "{\"mode\": \"required\", \"factors\": [], \"phishingResistant\": \"off\", \"codeTtlMinutes\": 11}",
                "codeTtlMinutes");
        bad.put(
                "{\"mode\": \"required\", \"factors\": [], \"phishingResistant\": \"off\", \"rememberDays\": 366}",
                "rememberDays");
        bad.put(
                "{\"mode\": \"required\", \"factors\": [], \"phishingResistant\": \"off\", \"rememberDays\": \"x\"}",
                "rememberDays");
        bad.put("{\"mode\": 5, \"factors\": \"email\", \"phishingResistant\": \"off\"}", null);
        bad.put(
                "{\"mode\": \"required\", \"factors\": [], \"phishingResistant\": \"off\", \"rememberDays\": 1e99}",
                null);
        bad.put("{\"mode\": \"required\"", null);
        bad.put("[]", null);
        bad.put("", null);
        bad.forEach((body, field) -> {
            Response answer = api().put(path, writer, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.isProblem()).as(body).isTrue();
            if (field != null) {
                assertThat(answer.body().get("errors").toString()).as(body).contains("\"" + field + "\"");
            }
        });
        assertThat(api().put(path, writer, STRICT, "If-Match", "garbage").status())
                .isEqualTo(412);
        assertThat(api().put("/api/v1/sites/no-such-site/mfa-policy", writer, STRICT)
                        .status())
                .isEqualTo(404);
        SiteView after = sites.findById(site.id()).orElseThrow();
        assertThat(after).isEqualTo(site);
    }

    private SiteView newSite() {
        return sites.create(new SiteDraft(
                "api-site-" + SEQUENCE.incrementAndGet(), "Api Site", "NL", MfaMode.OPTIONAL, Set.of("email")));
    }
}
