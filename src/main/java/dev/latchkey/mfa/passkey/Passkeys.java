package dev.latchkey.mfa.passkey;

import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import dev.latchkey.mfa.SecondFactorChanged;
import dev.latchkey.mfa.SecondFactorChanged.Change;
import dev.latchkey.mfa.Verification;
import dev.latchkey.mfa.Verification.Outcome;
import dev.latchkey.mfa.passkey.PasskeyChallenges.Purpose;
import dev.latchkey.mfa.passkey.PasskeyProperties.RelyingParty;
import dev.latchkey.shared.LatchkeyProperties;
import dev.latchkey.sites.MfaPolicy;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A user's passkeys (F-PASSKEY-1): register, list, remove, and check a sign-in with one. The WebAuthn checks (origin,
 * RP id, signature, flags, signature counter) are Spring Security's {@link Webauthn4JRelyingPartyOperations}; Latchkey
 * adds what it does not: challenges that are single use across nodes and bound to one user, login or browser, a
 * credential that must belong to the expected user of the expected realm, and the audit and mail of every change.
 */
@Service
public class Passkeys {

    /** The longest name a user may give a passkey. */
    public static final int MAX_NAME = 60;

    /** The most passkeys one user may have. */
    public static final int MAX_PER_USER = 20;

    private static final Logger log = LoggerFactory.getLogger(Passkeys.class);
    private static final int MAX_CACHED_PARTIES = 16;

    /** What came of a registration. */
    public enum Registration {
        REGISTERED,
        /** The name or the JSON is not usable; nothing was checked. */
        MALFORMED,
        /** The challenge was used, expired, or never made for this user. */
        NO_CHALLENGE,
        /** The authenticator's answer failed a check (origin, RP id, signature, a passkey already registered). */
        REFUSED,
        /** The user has {@link #MAX_PER_USER} passkeys already. */
        LIMIT
    }

    /** What came of a sign-in with a passkey: the factor's verdict, and whose passkey passed. */
    public record Assertion(Verification verification, Long userId) {

        static Assertion of(Outcome outcome) {
            return new Assertion(Verification.of(outcome), null);
        }
    }

    private final PasskeyStore store;
    private final PasskeyUsers userEntities;
    private final PasskeyChallenges challenges;
    private final PasskeyProperties properties;
    private final LatchkeyProperties latchkey;
    private final Users users;
    private final MfaPolicy policy;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Map<RelyingParty, Webauthn4JRelyingPartyOperations> parties = new ConcurrentHashMap<>();

    Passkeys(
            PasskeyStore store,
            PasskeyUsers userEntities,
            PasskeyChallenges challenges,
            PasskeyProperties properties,
            Users users,
            MfaPolicy policy,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            LatchkeyProperties latchkey) {
        this.latchkey = latchkey;
        this.store = store;
        this.userEntities = userEntities;
        this.challenges = challenges;
        this.properties = properties;
        this.users = users;
        this.policy = policy;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The relying party for a request that came in at {@code requestOrigin}. What {@code latchkey.webauthn.*} leaves
     * unset comes, outside the demo, from the public address {@code latchkey.base-url}, never from a request's
     * {@code Host} or forwarded headers; only the demo and the tests (on random ports) take it from the request.
     */
    private RelyingParty party(String requestOrigin) {
        return partyFor(properties, latchkey, requestOrigin);
    }

    static RelyingParty partyFor(PasskeyProperties properties, LatchkeyProperties latchkey, String requestOrigin) {
        return properties.relyingParty(latchkey.demo() ? requestOrigin : origin(latchkey.baseUrl()));
    }

    private static String origin(java.net.URI address) {
        int port = address.getPort();
        boolean defaultPort = port < 0
                || ("https".equals(address.getScheme()) && port == 443)
                || ("http".equals(address.getScheme()) && port == 80);
        return address.getScheme() + "://" + address.getHost() + (defaultPort ? "" : ":" + port);
    }

    /** {@code scheme://host[:port]} of the address the browser used for this request. */
    public static String originOf(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort =
                port <= 0 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    /** Whether the realm takes passkeys: its site allows them, or requires them of some users (F-ASSURANCE). */
    public boolean offered(Realm realm) {
        return policy.decide(realm, true, true).allowedFactors().contains("passkey");
    }

    /** The options for registering a new passkey of a signed-in user, as JSON for the browser. */
    public String creationOptions(Realm realm, long userId, String origin) {
        Bytes challenge = challenges.issue(Purpose.REGISTER, realm.key(), userBinding(userId));
        List<PublicKeyCredentialDescriptor> existing = store.findByUserId(store.handle(userId)).stream()
                .map(Passkeys::descriptor)
                .toList();
        PublicKeyCredentialCreationOptions options = creationOptions(party(origin), userId, challenge)
                .excludeCredentials(existing)
                .build();
        return PasskeyCeremony.write(options);
    }

    /**
     * Registers a new passkey from the page's JSON, {@code {"name": "…", "credential": {…}}} (the name the user gave
     * it, and the browser's {@code credential.toJSON()}); emailed to the user and audited.
     */
    public Registration register(Realm realm, long userId, String requestJson, String origin) {
        PublicKeyCredential<AuthenticatorAttestationResponse> credential;
        Bytes challenge;
        String label;
        try {
            PasskeyCeremony.NewPasskey given = PasskeyCeremony.registration(requestJson);
            label = cleanName(given.name());
            credential = given.credential();
            challenge = PasskeyCeremony.challenge(credential.getResponse().getClientDataJSON());
        } catch (PasskeyCeremony.Malformed ex) {
            return Registration.MALFORMED;
        }
        if (label == null) {
            return Registration.MALFORMED;
        }
        if (!challenges.take(challenge, Purpose.REGISTER, realm.key(), userBinding(userId))) {
            return Registration.NO_CHALLENGE;
        }
        if (store.count(userId) >= MAX_PER_USER) {
            return Registration.LIMIT;
        }
        RelyingParty party = party(origin);
        PublicKeyCredentialCreationOptions options =
                creationOptions(party, userId, challenge).build();
        try {
            String actor = users.find(userId).map(UserView::email).orElse(null);
            transaction.executeWithoutResult(status -> {
                operations(party)
                        .registerCredential(new ImmutableRelyingPartyRegistrationRequest(
                                options, new RelyingPartyPublicKey(credential, label)));
                events.publishEvent(new SecondFactorChanged(realm, userId, Change.PASSKEY_ADDED, 0, actor));
            });
            return Registration.REGISTERED;
        } catch (RuntimeException refused) {
            log.info(
                    "Passkey registration refused for user {}: {}",
                    userId,
                    refused.getClass().getSimpleName());
            return Registration.REFUSED;
        }
    }

    /**
     * The options for signing in with a passkey, as JSON for the browser. With a {@code userId} (a second step or a
     * step-up, bound to its login) they name that user's passkeys; without one (passwordless, bound to the browser) the
     * authenticator offers its discoverable credentials, and must verify the user.
     */
    public String requestOptions(Realm realm, Long userId, String binding, String origin) {
        Purpose purpose = userId == null ? Purpose.PASSWORDLESS : Purpose.SECOND_STEP;
        Bytes challenge = challenges.issue(purpose, realm.key(), binding);
        List<PublicKeyCredentialDescriptor> allowed = userId == null
                ? List.of()
                : store.findByUserId(store.handle(userId)).stream()
                        .map(Passkeys::descriptor)
                        .toList();
        var options = requestOptions(party(origin), challenge, userId == null)
                .allowCredentials(allowed)
                .build();
        return PasskeyCeremony.write(options);
    }

    /**
     * The user of {@code realm} whose passkey a passwordless sign-in's JSON names; empty when it names none, or one of
     * another realm's user (whose failures must not count against them here).
     */
    public Optional<Long> claimedUser(Realm realm, String credentialJson) {
        try {
            return store.ownerOf(
                            PasskeyCeremony.assertion(credentialJson).getRawId().toBase64UrlString())
                    .filter(owner -> ownedAsExpected(owner, null, realm));
        } catch (PasskeyCeremony.Malformed ex) {
            return Optional.empty();
        }
    }

    /**
     * Checks a sign-in with a passkey. {@code userId} is the user of the login (null for passwordless, where the
     * passkey's owner must be a user of {@code realm}). The challenge is used up by the first answer that names it,
     * right or wrong. A signature counter that went backwards is refused, audited and emailed to the owner.
     */
    public Assertion verify(Realm realm, Long userId, String binding, String credentialJson, String origin) {
        boolean passwordless = userId == null;
        PublicKeyCredential<AuthenticatorAssertionResponse> credential;
        Bytes challenge;
        try {
            credential = PasskeyCeremony.assertion(credentialJson);
            challenge = PasskeyCeremony.challenge(credential.getResponse().getClientDataJSON());
        } catch (PasskeyCeremony.Malformed ex) {
            return Assertion.of(Outcome.MALFORMED);
        }
        Purpose purpose = passwordless ? Purpose.PASSWORDLESS : Purpose.SECOND_STEP;
        if (!challenges.take(challenge, purpose, realm.key(), binding)) {
            return Assertion.of(Outcome.NO_CHALLENGE);
        }
        CredentialRecord record = store.findByCredentialId(credential.getRawId());
        Optional<Long> owner = Optional.ofNullable(record).flatMap(r -> store.userOfHandle(r.getUserEntityUserId()));
        if (owner.isEmpty() || !ownedAsExpected(owner.get(), userId, realm)) {
            return Assertion.of(Outcome.REJECTED);
        }
        Bytes handle = credential.getResponse().getUserHandle();
        if (handle != null && !handle.equals(record.getUserEntityUserId())) {
            return Assertion.of(Outcome.REJECTED);
        }
        RelyingParty party = party(origin);
        var options = requestOptions(party, challenge, passwordless).build();
        try {
            operations(party).authenticate(new RelyingPartyAuthenticationRequest(options, credential));
            return new Assertion(Verification.of(Outcome.ACCEPTED), owner.get());
        } catch (MaliciousCounterValueException | PasskeyStore.CounterNotAdvancedException cloned) {
            // a count at or below the stored one: a copy of the key signing on its own. (Two sign-ins of one
            // authenticator at the same moment, the later count stored first, look the same and are refused alike.)
            log.warn("Passkey of user {} signed with a signature counter that went backwards", owner.get());
            // audited and mailed together: the outbox takes the message in the transaction of the event
            transaction.executeWithoutResult(status -> events.publishEvent(
                    new SecondFactorChanged(realm, owner.get(), Change.PASSKEY_COUNTER_REGRESSED, 0, null)));
            return Assertion.of(Outcome.REJECTED);
        } catch (RuntimeException refused) {
            log.info(
                    "Passkey sign-in refused for user {}: {}",
                    owner.get(),
                    refused.getClass().getSimpleName());
            return Assertion.of(Outcome.REJECTED);
        }
    }

    public List<PasskeyView> list(long userId) {
        return store.list(userId).stream()
                .map(row -> new PasskeyView(row.id(), row.name(), row.createdAt(), row.lastUsedAt()))
                .toList();
    }

    public int count(long userId) {
        return store.count(userId);
    }

    /** The answer to removing a passkey. */
    public enum Removal {
        REMOVED,
        /** Not the user's, or already gone. */
        GONE,
        /** F-ASSURANCE: the user's last passkey, which the site requires of them. Nothing was removed. */
        LAST_REQUIRED
    }

    /**
     * Removes one of the user's passkeys; emailed and audited. Refused for the last one while the site requires
     * phishing-resistant sign-in of the user (F-ASSURANCE): their next sign-in would be a password and a phishable
     * code. The user's row lock makes two removals at once count one after the other.
     */
    @Transactional
    public Removal remove(Realm realm, long userId, long passkeyId, String actor) {
        users.lockForUpdate(userId);
        if (store.name(userId, passkeyId).isEmpty()) {
            return Removal.GONE;
        }
        if (store.count(userId) <= 1 && requiredOf(realm, userId)) {
            return Removal.LAST_REQUIRED;
        }
        if (!store.remove(userId, passkeyId)) {
            return Removal.GONE;
        }
        events.publishEvent(new SecondFactorChanged(realm, userId, Change.PASSKEY_REMOVED, 0, actor));
        return Removal.REMOVED;
    }

    /** Whether the realm's site requires a passkey of this user now (F-ASSURANCE). */
    private boolean requiredOf(Realm realm, long userId) {
        boolean mfaRequired = users.find(userId).map(UserView::mfaRequired).orElse(false);
        return policy.decide(realm, mfaRequired, true).phishingResistant();
    }

    /** Removes every passkey of the user, for a caller that reports the whole change (Delete 2FA setup). */
    @Transactional
    public int removeAll(long userId) {
        return store.removeAll(userId);
    }

    private boolean ownedAsExpected(long owner, Long userId, Realm realm) {
        if (userId != null) {
            return owner == userId;
        }
        // passwordless: a passkey of a user of another site (or of the admin site) is no key to this one
        return users.find(owner)
                .filter(user -> Objects.equals(user.siteId(), realm.siteId()))
                .isPresent();
    }

    private PublicKeyCredentialCreationOptions.PublicKeyCredentialCreationOptionsBuilder creationOptions(
            RelyingParty party, long userId, Bytes challenge) {
        return PublicKeyCredentialCreationOptions.builder()
                .rp(PublicKeyCredentialRpEntity.builder()
                        .id(party.id())
                        .name(party.name())
                        .build())
                .user(userEntities.of(userId))
                .challenge(challenge)
                .pubKeyCredParams(
                        PublicKeyCredentialParameters.EdDSA,
                        PublicKeyCredentialParameters.ES256,
                        PublicKeyCredentialParameters.RS256)
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.PREFERRED)
                        .build())
                .attestation(AttestationConveyancePreference.NONE)
                .timeout(challenges.ttl());
    }

    private PublicKeyCredentialRequestOptions.PublicKeyCredentialRequestOptionsBuilder requestOptions(
            RelyingParty party, Bytes challenge, boolean passwordless) {
        // passwordless counts as both factors: the authenticator must verify the user (PIN, fingerprint, face)
        return PublicKeyCredentialRequestOptions.builder()
                .challenge(challenge)
                .rpId(party.id())
                .timeout(challenges.ttl())
                .userVerification(
                        passwordless ? UserVerificationRequirement.REQUIRED : UserVerificationRequirement.PREFERRED);
    }

    private Webauthn4JRelyingPartyOperations operations(RelyingParty party) {
        Webauthn4JRelyingPartyOperations cached = parties.get(party);
        if (cached != null) {
            return cached;
        }
        var made = new Webauthn4JRelyingPartyOperations(
                userEntities,
                store,
                PublicKeyCredentialRpEntity.builder()
                        .id(party.id())
                        .name(party.name())
                        .build(),
                party.origins());
        // request-derived parties (no configured origins) are few; never let Host headers grow the cache unbounded
        if (parties.size() < MAX_CACHED_PARTIES) {
            parties.putIfAbsent(party, made);
        }
        return made;
    }

    private static PublicKeyCredentialDescriptor descriptor(CredentialRecord record) {
        return PublicKeyCredentialDescriptor.builder()
                .id(record.getCredentialId())
                .transports(record.getTransports())
                .build();
    }

    private static String userBinding(long userId) {
        return "user:" + userId;
    }

    /** A name as given, trimmed; null when blank, too long or holding control characters. */
    static String cleanName(String name) {
        if (name == null) {
            return null;
        }
        String trimmed = name.strip();
        boolean control = trimmed.chars().anyMatch(Character::isISOControl);
        return trimmed.isEmpty() || trimmed.length() > MAX_NAME || control ? null : trimmed;
    }
}
