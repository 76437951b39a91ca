package dev.latchkey.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.api.ApiScope;
import dev.latchkey.shared.web.BadInputException;
import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.test.ApiClient;
import dev.latchkey.test.ApiClient.Response;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** F-API-2: tokens are shown once, stored hashed, expire, can be revoked, and only a valid one opens the API. */
@IntegrationTest
class ApiTokensIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    TestTokens testTokens;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    ApiClient api() {
        return ApiClient.at(port);
    }

    @Test
    void aNewTokenHasThePrefixAnd256RandomBitsAndOnlyItsHashIsStored() {
        IssuedToken issued = testTokens.issued("hash", Duration.ofDays(1), ApiScope.READ);

        assertThat(issued.secret()).startsWith("lk_");
        assertThat(Base64.getUrlDecoder().decode(issued.secret().substring(3))).hasSize(32);
        List<String> stored = jdbc.sql("select token_hash from api_token where id = ?")
                .param(issued.id())
                .query(String.class)
                .list();
        assertThat(stored).containsExactly(DigestUtils.sha256Hex(issued.secret()));
        assertThat(issued.toString()).doesNotContain(issued.secret());
        assertThat(tokens.authenticate(issued.secret()))
                .contains(new ValidToken(issued.id(), issued.name(), Set.of(TokenScope.READ)));
    }

    @Test
    void unknownMalformedExpiredAndRevokedTokensDoNotAuthenticate() {
        IssuedToken expiring = testTokens.issued("expiring", Duration.ofHours(1), ApiScope.READ);
        IssuedToken revoked = testTokens.issued("revoked", Duration.ofDays(1), ApiScope.READ);

        assertThat(tokens.authenticate(null)).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
        assertThat(tokens.authenticate("lk_" + "A".repeat(43))).isEmpty();
        assertThat(tokens.authenticate(expiring.secret() + "x")).isEmpty();
        assertThat(tokens.authenticate(expiring.secret().substring(3))).isEmpty();

        assertThat(tokens.revoke(revoked.id(), "test")).isTrue();
        assertThat(tokens.authenticate(revoked.secret())).isEmpty();

        clock.advance(Duration.ofHours(1));
        assertThat(tokens.authenticate(expiring.secret())).isEmpty();
    }

    @Test
    void createRefusesBadNamesNoScopesAndExpiriesOutOfRange() {
        Instant later = clock.instant().plus(Duration.ofDays(1));
        String name = "t-" + System.nanoTime();
        assertThatThrownBy(() -> tokens.create("has space", Set.of(TokenScope.READ), later, "test"))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> tokens.create("x".repeat(61), Set.of(TokenScope.READ), later, "test"))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> tokens.create(name, Set.of(), later, "test")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> tokens.create(name, List.of("root"), later, "test"))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> tokens.create(name, Set.of(TokenScope.READ), clock.instant(), "test"))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> tokens.create(
                        name, Set.of(TokenScope.READ), clock.instant().plus(Duration.ofDays(367)), "test"))
                .isInstanceOf(BadInputException.class);

        tokens.create(name, List.of("read", "contacts:write"), later, "test");
        assertThatThrownBy(() -> tokens.create(name, Set.of(TokenScope.READ), later, "test"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("nameTaken");
    }

    @Test
    void theListShowsScopesExpiryLastUseAndRevocationButNoSecret() {
        IssuedToken issued = testTokens.issued("listed", Duration.ofDays(2), ApiScope.READ, ApiScope.CONTACTS_WRITE);

        ApiTokenView view = view(issued.id());
        assertThat(view.name()).isEqualTo(issued.name());
        assertThat(view.scopes()).containsExactlyInAnyOrder(TokenScope.READ, TokenScope.CONTACTS_WRITE);
        assertThat(view.lastUsedAt()).isNull();
        assertThat(view.revoked()).isFalse();
        assertThat(view.toString()).doesNotContain(issued.secret());

        api().get("/api/v1/no-such-resource", issued.secret());
        assertThat(view(issued.id()).lastUsedAt()).isNotNull();

        tokens.revoke(issued.id(), "revoker@latchkey.test");
        assertThat(view(issued.id()).revoked()).isTrue();
        assertThat(view(issued.id()).revokedBy()).isEqualTo("revoker@latchkey.test");
    }

    @Test
    void revokingIsIdempotentAndAnUnknownTokenIsNotFound() {
        IssuedToken issued = testTokens.issued("twice", Duration.ofDays(1), ApiScope.READ);

        assertThat(tokens.revoke(issued.id(), "test")).isTrue();
        assertThat(tokens.revoke(issued.id(), "test")).isFalse();
        assertThatThrownBy(() -> tokens.revoke(Long.MAX_VALUE, "test")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void fourSimultaneousRevocationsRevokeOnceAndAuditOnce() throws Exception {
        IssuedToken issued = testTokens.issued("race", Duration.ofDays(1), ApiScope.READ);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> revokes = IntStream.range(0, 4)
                    .<Callable<Boolean>>mapToObj(i -> () -> tokens.revoke(issued.id(), "racer" + i))
                    .toList();
            List<Boolean> results = pool.invokeAll(revokes).stream()
                    .map(ApiTokensIntegrationTests::get)
                    .toList();
            assertThat(results).containsOnlyOnce(true);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'api.token-revoked' and detail = ?")
                        .param("token " + issued.name())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anUnknownApiPathIs404ProblemWithAValidTokenAnd401ProblemWithout() {
        String token = testTokens.issue("paths", ApiScope.READ);

        Response found = api().get("/api/v1/no-such-resource", token);
        assertThat(found.status()).isEqualTo(404);
        assertThat(found.isProblem()).isTrue();
        assertThat(found.body().get("status").asInt()).isEqualTo(404);
        assertThat(found.body().get("instance").asString()).isEqualTo("/api/v1/no-such-resource");

        for (Response refused : List.of(
                api().get("/api/v1/no-such-resource", null),
                api().get("/api/v1/no-such-resource", "lk_" + "A".repeat(43)),
                api().get("/api/v1/no-such-resource", null, "Authorization", "Basic dXNlcjpwYXNz"),
                api().get("/api/v1/no-such-resource", null, "Authorization", "Bearer"),
                api().get("/api/v1/no-such-resource", null, "Authorization", token))) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.header("WWW-Authenticate")).contains("Bearer");
            assertThat(refused.header("Set-Cookie")).isEmpty();
            assertThat(refused.text()).doesNotContain(token);
        }
    }

    @Test
    void simultaneousCallsOfOneTokenNeverPassTheRateLimit() throws Exception {
        IssuedToken issued = testTokens.issued("rate", Duration.ofDays(1), ApiScope.READ);
        awayFromAMinuteBoundary();
        int limit = 600;
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Boolean>> calls = IntStream.range(0, limit + 60)
                    .<Callable<Boolean>>mapToObj(
                            i -> () -> tokens.admit(issued.id()).admitted())
                    .toList();
            List<Boolean> admitted = pool.invokeAll(calls).stream()
                    .map(ApiTokensIntegrationTests::get)
                    .toList();
            assertThat(admitted.stream().filter(a -> a)).hasSize(limit);
        } finally {
            pool.shutdownNow();
        }

        Response limited = api().get("/api/v1/no-such-resource", issued.secret());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.isProblem()).isTrue();
        assertThat(Long.parseLong(limited.header("Retry-After").orElseThrow())).isBetween(1L, 60L);

        clock.advance(Duration.ofMinutes(1));
        assertThat(api().get("/api/v1/no-such-resource", issued.secret()).status())
                .isEqualTo(404);
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        IssuedToken issued = testTokens.issued("revoked-now", Duration.ofDays(1), ApiScope.READ);
        assertThat(api().get("/api/v1/no-such-resource", issued.secret()).status())
                .isEqualTo(404);

        tokens.revoke(issued.id(), "test");

        Response refused = api().get("/api/v1/no-such-resource", issued.secret());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.isProblem()).isTrue();
        assertThat(tokens.admit(issued.id()).revoked()).isTrue();
    }

    @Test
    void anExpiredTokenIsRefused() {
        IssuedToken issued = testTokens.issued("expired", Duration.ofMinutes(5), ApiScope.READ);
        clock.advance(Duration.ofMinutes(5));

        Response refused = api().get("/api/v1/no-such-resource", issued.secret());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).contains("Bearer");
    }

    /** A fixed window may reset mid-test near a minute's end: start early in a minute. */
    private void awayFromAMinuteBoundary() throws InterruptedException {
        while (clock.instant().atZone(java.time.ZoneOffset.UTC).getSecond() > 45) {
            Thread.sleep(500);
        }
    }

    private ApiTokenView view(long id) {
        return tokens.find(id).orElseThrow();
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }
}
