package dev.latchkey.mfa.passkey;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A passkey authenticator in test code: an ES256 key pair from the JDK, answers built as a browser's
 * {@code credential.toJSON()} with "none" attestation (webauthn4j's converters write the CBOR). Its origin, RP id and
 * signature counter can be set wrong on purpose.
 */
public final class SoftwareAuthenticator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final byte FLAGS_REGISTER =
            AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_AT;
    private static final byte FLAGS_ASSERT = AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV;

    private final KeyPair keys;
    private final byte[] credentialId = new byte[32];
    private byte[] userHandle;
    private long counter;
    private String origin;
    private String rpId;

    public SoftwareAuthenticator(String origin) {
        this.origin = origin;
        this.rpId = java.net.URI.create(origin).getHost();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
        new SecureRandom().nextBytes(credentialId);
    }

    /** The origin the next answers claim (a phishing page would have another). */
    public SoftwareAuthenticator origin(String origin) {
        this.origin = origin;
        return this;
    }

    /** The RP id the next answers are made for. */
    public SoftwareAuthenticator rpId(String rpId) {
        this.rpId = rpId;
        return this;
    }

    /** Sets the signature counter the next assertion starts from (it adds one). */
    public SoftwareAuthenticator counter(long counter) {
        this.counter = counter;
        return this;
    }

    public String credentialId() {
        return b64(credentialId);
    }

    /** The JSON a page posts for registration: {@code {"name": …, "credential": …}}. */
    public String register(String optionsJson, String name) {
        JsonNode options = JSON.readTree(optionsJson);
        userHandle = Base64.getUrlDecoder().decode(options.get("user").get("id").asString());
        byte[] clientData =
                clientData("webauthn.create", options.get("challenge").asString());
        AttestedCredentialData attested = new AttestedCredentialData(
                AAGUID.ZERO,
                credentialId,
                EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
        AuthenticatorData<com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput> data =
                new AuthenticatorData<>(sha256(rpId.getBytes(StandardCharsets.UTF_8)), FLAGS_REGISTER, 0, attested);
        byte[] attestation = new AttestationObjectConverter(CONVERTER)
                .convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", b64(clientData));
        response.put("attestationObject", b64(attestation));
        response.put("transports", List.of("internal"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("credential", credential(response));
        return JSON.writeValueAsString(body);
    }

    /** The JSON of {@code credential.toJSON()} for a sign-in with the options' challenge. */
    public String sign(String optionsJson) {
        return signChallenge(JSON.readTree(optionsJson).get("challenge").asString());
    }

    public String signChallenge(String challenge) {
        counter++;
        byte[] clientData = clientData("webauthn.get", challenge);
        byte[] authData = new AuthenticatorDataConverter(CONVERTER)
                .convert(new AuthenticatorData<>(sha256(rpId.getBytes(StandardCharsets.UTF_8)), FLAGS_ASSERT, counter));
        byte[] signed = ByteBuffer.allocate(authData.length + 32)
                .put(authData)
                .put(sha256(clientData))
                .array();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", b64(clientData));
        response.put("authenticatorData", b64(authData));
        response.put("signature", b64(signature(signed)));
        if (userHandle != null) {
            // a key never registered here (a stranger's) has no user handle to send
            response.put("userHandle", b64(userHandle));
        }
        return JSON.writeValueAsString(credential(response));
    }

    private Map<String, Object> credential(Map<String, Object> response) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("id", b64(credentialId));
        credential.put("rawId", b64(credentialId));
        credential.put("type", "public-key");
        credential.put("response", response);
        credential.put("clientExtensionResults", Map.of());
        credential.put("authenticatorAttachment", "platform");
        return credential;
    }

    private byte[] clientData(String type, String challenge) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", type);
        data.put("challenge", challenge);
        data.put("origin", origin);
        data.put("crossOrigin", false);
        return JSON.writeValueAsBytes(data);
    }

    private byte[] signature(byte[] data) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
