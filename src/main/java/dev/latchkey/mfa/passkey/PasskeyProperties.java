package dev.latchkey.mfa.passkey;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The WebAuthn relying party ({@code latchkey.webauthn.*}). Every site lives under one host, so one RP id serves them
 * all. When {@code rpId} or {@code allowedOrigins} is not set, each is taken from the address the browser used for the
 * request (the demo on http://localhost:8080, tests on random ports); production sets both (application.properties).
 *
 * @param rpId the relying party id: the host name, without scheme or port
 * @param rpName the name an authenticator shows for the passkey
 * @param allowedOrigins the origins a browser may sign from ({@code https://portal.example.com})
 * @param challengeTtl how long a registration or sign-in challenge works
 */
@ConfigurationProperties("latchkey.webauthn")
record PasskeyProperties(String rpId, String rpName, Set<String> allowedOrigins, Duration challengeTtl) {

    PasskeyProperties {
        rpId = rpId == null || rpId.isBlank() ? null : rpId.trim();
        rpName = rpName == null || rpName.isBlank() ? "Latchkey" : rpName;
        allowedOrigins = allowedOrigins == null ? Set.of() : Set.copyOf(allowedOrigins);
        challengeTtl = challengeTtl == null ? Duration.ofMinutes(5) : challengeTtl;
    }

    /** The relying party for a request that came in at {@code requestOrigin} ({@code scheme://host[:port]}). */
    RelyingParty relyingParty(String requestOrigin) {
        String id = rpId != null ? rpId : URI.create(requestOrigin).getHost();
        Set<String> origins = allowedOrigins.isEmpty() ? Set.of(requestOrigin) : allowedOrigins;
        return new RelyingParty(id, rpName, origins);
    }

    /** Who a passkey is made for and which pages may use it. */
    record RelyingParty(String id, String name, Set<String> origins) {}
}
