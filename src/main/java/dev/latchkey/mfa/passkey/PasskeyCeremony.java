package dev.latchkey.mfa.passkey;

import java.util.Base64;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorResponse;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading and writing the JSON of a WebAuthn ceremony with the relying-party library's Jackson module: options out, a
 * browser's {@code credential.toJSON()} in. Anything that does not read as a credential is {@link Malformed}.
 */
final class PasskeyCeremony {

    /** The most a credential's JSON may hold; a real one is a few kilobytes at most. */
    static final int MAX_JSON = 64 * 1024;

    private static final JsonMapper JSON =
            JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

    private PasskeyCeremony() {}

    static String write(Object options) {
        return JSON.writeValueAsString(options);
    }

    /** A registration as the page sends it: the name the user gave, and the new credential. */
    record NewPasskey(String name, PublicKeyCredential<AuthenticatorAttestationResponse> credential) {}

    /** Reads {@code {"name": "…", "credential": {…}}}. */
    static NewPasskey registration(String json) {
        if (json == null || json.isBlank() || json.length() > MAX_JSON) {
            throw new Malformed();
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JacksonException ex) {
            throw new Malformed();
        }
        JsonNode name = tree.get("name");
        JsonNode credential = tree.get("credential");
        if (name == null || !name.isString() || credential == null || !credential.isObject()) {
            throw new Malformed();
        }
        return new NewPasskey(name.asString(), attestation(credential.toString()));
    }

    static PublicKeyCredential<AuthenticatorAttestationResponse> attestation(String json) {
        PublicKeyCredential<AuthenticatorAttestationResponse> credential =
                read(json, new TypeReference<PublicKeyCredential<AuthenticatorAttestationResponse>>() {});
        if (credential.getResponse() == null
                || credential.getResponse().getAttestationObject() == null
                || credential.getResponse().getClientDataJSON() == null) {
            throw new Malformed();
        }
        return credential;
    }

    static PublicKeyCredential<AuthenticatorAssertionResponse> assertion(String json) {
        PublicKeyCredential<AuthenticatorAssertionResponse> credential =
                read(json, new TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>>() {});
        AuthenticatorAssertionResponse response = credential.getResponse();
        if (response == null
                || response.getAuthenticatorData() == null
                || response.getClientDataJSON() == null
                || response.getSignature() == null) {
            throw new Malformed();
        }
        return credential;
    }

    /** The challenge the browser signed, from its client data; the server checks it against its own. */
    static Bytes challenge(Bytes clientDataJson) {
        try {
            JsonNode challenge = JSON.readTree(clientDataJson.getBytes()).get("challenge");
            if (challenge == null
                    || !challenge.isString()
                    || challenge.asString().length() > 200) {
                throw new Malformed();
            }
            return new Bytes(Base64.getUrlDecoder().decode(challenge.asString()));
        } catch (JacksonException | IllegalArgumentException ex) {
            throw new Malformed();
        }
    }

    private static <T extends AuthenticatorResponse> PublicKeyCredential<T> read(
            String json, TypeReference<PublicKeyCredential<T>> type) {
        if (json == null || json.isBlank() || json.length() > MAX_JSON) {
            throw new Malformed();
        }
        try {
            PublicKeyCredential<T> credential = JSON.readValue(json, type);
            if (credential == null || credential.getRawId() == null || credential.getId() == null) {
                throw new Malformed();
            }
            return credential;
        } catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
            throw new Malformed();
        }
    }

    /** The JSON is not a credential of the expected kind. */
    static final class Malformed extends RuntimeException {
        Malformed() {
            super("not a WebAuthn credential", null, false, false);
        }
    }
}
