package dev.latchkey.tokens;

import dev.latchkey.shared.web.BadInputException;
import dev.latchkey.shared.web.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * F-API-2: the API tokens. A token is {@code lk_} and 256 random bits (base64url), so secret scanners can find a leaked
 * one; only its SHA-256 is stored, and that hash is the look-up key, so checking a token compares no secrets. A token
 * is valid until it expires or is revoked; each admitted call is counted against the per-token rate limit and recorded
 * as its last use.
 */
@Service
@EnableConfigurationProperties(RateLimitProperties.class)
public class ApiTokens {

    public static final String PREFIX = "lk_";

    /**
     * How audit rows and the services' {@code actor} name a token: {@code api-token:<name>}, so a token never looks
     * like an admin or a seed actor.
     */
    public static String actorOf(String tokenName) {
        return "api-token:" + tokenName;
    }
    /** The longest validity a token may be given. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(365);

    private static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile(PREFIX + "[A-Za-z0-9_-]{43}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,59}");
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int ratePerMinute;

    ApiTokens(TokenStore store, ApplicationEventPublisher events, Clock clock, RateLimitProperties properties) {
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.ratePerMinute = properties.ratePerMinute();
    }

    /**
     * Makes a token; answers it with its secret, which is never stored or shown again.
     *
     * @param name letters, digits, {@code .}, {@code _} and {@code -}, at most 60, unique among all tokens ever made
     * @param scopes at least one
     * @param expiresAt in the future, at most {@link #MAX_LIFETIME} away
     * @throws BadInputException {@code api.tokens.badName}, {@code api.tokens.nameTaken}, {@code api.tokens.noScope} or
     *     {@code api.tokens.badExpiry}
     */
    @Transactional
    public IssuedToken create(String name, Set<TokenScope> scopes, Instant expiresAt, String actor) {
        Instant now = clock.instant();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadInputException("api.tokens.badName");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new BadInputException("api.tokens.noScope");
        }
        if (expiresAt == null
                || !expiresAt.isAfter(now)
                || expiresAt.isAfter(now.plus(MAX_LIFETIME).plusSeconds(60))) {
            throw new BadInputException("api.tokens.badExpiry");
        }
        if (store.nameTaken(name)) {
            throw new BadInputException("api.tokens.nameTaken");
        }
        String secret = newSecret();
        long id;
        try {
            id = store.insert(name, hash(secret), EnumSet.copyOf(scopes), now, actor, expiresAt);
        } catch (DuplicateKeyException simultaneous) {
            throw new BadInputException("api.tokens.nameTaken");
        }
        events.publishEvent(new ApiTokenCreated(id, name, Set.copyOf(scopes), expiresAt, actor));
        return new IssuedToken(id, name, secret);
    }

    /** {@link #create} with scope codes ({@code read}, {@code contacts:write}, ...); an unknown code is bad input. */
    public IssuedToken create(String name, List<String> scopeCodes, Instant expiresAt, String actor) {
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        for (String code : scopeCodes) {
            scopes.add(TokenScope.ofCode(code).orElseThrow(() -> new BadInputException("api.tokens.noScope")));
        }
        return create(name, scopes, expiresAt, actor);
    }

    /**
     * The token a caller presents, when it is well formed, known, not revoked and not expired; empty otherwise. The
     * reason is not told: every refusal looks the same to the caller.
     */
    public Optional<ValidToken> authenticate(String raw) {
        if (raw == null
                || raw.length() != PREFIX.length() + 43
                || !TOKEN.matcher(raw).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return store.findByHash(hash(raw))
                .filter(token -> !token.revoked() && !token.expiredAt(now))
                .map(token -> new ValidToken(token.id(), token.name(), token.scopes()));
    }

    /**
     * Counts a call of an authenticated token against its rate limit ({@code latchkey.api.rate-per-minute} in fixed
     * one-minute windows, shared by every node) and records it as the token's last use.
     */
    public Admission admit(long tokenId) {
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        if (store.count(tokenId, window, now, ratePerMinute)) {
            return Admission.admit();
        }
        if (store.find(tokenId).map(ApiTokenView::revoked).orElse(true)) {
            return Admission.gone();
        }
        return Admission.limited(Duration.between(now, window.plus(WINDOW)));
    }

    /**
     * Revokes a token, at once for every node. Revoking a revoked token changes nothing; only the revocation that took
     * effect is published (and audited). Answers whether this call revoked it.
     *
     * @throws NotFoundException when there is no such token
     */
    @Transactional
    public boolean revoke(long id, String actor) {
        ApiTokenView token = store.find(id).orElseThrow(NotFoundException::new);
        if (!store.revoke(id, clock.instant(), actor)) {
            return false;
        }
        events.publishEvent(new ApiTokenRevoked(id, token.name(), actor));
        return true;
    }

    /** Every token ever made, newest first, revoked ones included. */
    public List<ApiTokenView> list() {
        return store.all();
    }

    /** One token's view. */
    public Optional<ApiTokenView> find(long id) {
        return store.find(id);
    }

    private static String newSecret() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A SHA-256 is enough for 256 random bits: there is nothing to guess. */
    private static String hash(String token) {
        return DigestUtils.sha256Hex(token);
    }
}
