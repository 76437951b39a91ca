package dev.latchkey.mfa.passkey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Repository;

/**
 * The {@code passkey} table, as the relying-party library reads and writes it ({@link UserCredentialRepository}) and as
 * Latchkey lists and removes passkeys. Binary values are base64url text.
 */
@Repository
class PasskeyStore implements UserCredentialRepository {

    /** One passkey as Latchkey shows it. */
    record Row(long id, long userId, String name, Instant createdAt, Instant lastUsedAt) {}

    private static final String RECORD_COLUMNS = "credential_id, user_handle, name, public_key, attestation_object,"
            + " client_data_json, signature_count, uv_initialized, backup_eligible, backup_state, transports,"
            + " created_at, last_used_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    PasskeyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return jdbc.sql("select " + RECORD_COLUMNS + " from passkey where credential_id = ?")
                .param(credentialId.toBase64UrlString())
                .query(PasskeyStore::record)
                .optional()
                .orElse(null);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userHandle) {
        return jdbc.sql("select " + RECORD_COLUMNS + " from passkey where user_handle = ? order by id")
                .param(userHandle.toBase64UrlString())
                .query(PasskeyStore::record)
                .list();
    }

    /**
     * A new passkey (its owner is the user of its handle), or the use of a known one: the new signature count and the
     * time of use. The count only grows (or stays 0 for an authenticator that keeps none); a use that would lower it,
     * or that lost a race to a use with the same count, changes nothing and fails.
     */
    @Override
    public void save(CredentialRecord record) {
        String id = record.getCredentialId().toBase64UrlString();
        Timestamp now = Timestamp.from(clock.instant());
        boolean known = jdbc.sql("select count(*) from passkey where credential_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
        if (known) {
            long count = record.getSignatureCount();
            int updated = jdbc.sql("update passkey set signature_count = ?, backup_state = ?, last_used_at = ?"
                            + " where credential_id = ? and (signature_count < ? or (signature_count = 0 and ? = 0))")
                    .params(count, record.isBackupState(), now, id, count, count)
                    .update();
            if (updated != 1) {
                throw new CounterNotAdvancedException();
            }
            return;
        }
        jdbc.sql("insert into passkey (user_id, " + RECORD_COLUMNS + ")"
                        + " select user_id, ?, handle, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null from passkey_user"
                        + " where handle = ?")
                .params(
                        id,
                        record.getLabel(),
                        record.getPublicKey().getBytes() == null
                                ? ""
                                : new Bytes(record.getPublicKey().getBytes()).toBase64UrlString(),
                        record.getAttestationObject().toBase64UrlString(),
                        record.getAttestationClientDataJSON() == null
                                ? null
                                : record.getAttestationClientDataJSON().toBase64UrlString(),
                        record.getSignatureCount(),
                        record.isUvInitialized(),
                        record.isBackupEligible(),
                        record.isBackupState(),
                        record.getTransports().stream()
                                .map(AuthenticatorTransport::getValue)
                                .collect(Collectors.joining(",")),
                        now,
                        record.getUserEntityUserId().toBase64UrlString())
                .update();
    }

    @Override
    public void delete(Bytes credentialId) {
        jdbc.sql("delete from passkey where credential_id = ?")
                .param(credentialId.toBase64UrlString())
                .update();
    }

    /** The owner of a credential, by its id as the browser sends it (base64url). */
    Optional<Long> ownerOf(String credentialId) {
        return jdbc.sql("select user_id from passkey where credential_id = ?")
                .param(credentialId)
                .query(Long.class)
                .optional();
    }

    List<Row> list(long userId) {
        return jdbc.sql("select id, user_id, name, created_at, last_used_at from passkey where user_id = ? order by id")
                .param(userId)
                .query((rs, n) ->
                        new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), instant(rs, 4), instant(rs, 5)))
                .list();
    }

    int count(long userId) {
        return jdbc.sql("select count(*) from passkey where user_id = ?")
                .param(userId)
                .query(Integer.class)
                .single();
    }

    Optional<String> name(long userId, long passkeyId) {
        return jdbc.sql("select name from passkey where id = ? and user_id = ?")
                .params(passkeyId, userId)
                .query(String.class)
                .optional();
    }

    /** Removes one passkey of this user; false when it is not (or no longer) theirs. */
    boolean remove(long userId, long passkeyId) {
        return jdbc.sql("delete from passkey where id = ? and user_id = ?")
                        .params(passkeyId, userId)
                        .update()
                == 1;
    }

    int removeAll(long userId) {
        return jdbc.sql("delete from passkey where user_id = ?").param(userId).update();
    }

    /** The user's WebAuthn handle, made on first use; two simultaneous first uses agree on one. */
    Bytes handle(long userId) {
        Optional<String> found = findHandle(userId);
        if (found.isPresent()) {
            return Bytes.fromBase64(found.get());
        }
        try {
            jdbc.sql("insert into passkey_user (user_id, handle) values (?, ?)")
                    .params(userId, Bytes.random().toBase64UrlString())
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // the other request made it: use theirs
        }
        return Bytes.fromBase64(findHandle(userId).orElseThrow());
    }

    Optional<Long> userOfHandle(Bytes handle) {
        return jdbc.sql("select user_id from passkey_user where handle = ?")
                .param(handle.toBase64UrlString())
                .query(Long.class)
                .optional();
    }

    private Optional<String> findHandle(long userId) {
        return jdbc.sql("select handle from passkey_user where user_id = ?")
                .param(userId)
                .query(String.class)
                .optional();
    }

    private static CredentialRecord record(ResultSet rs, int n) throws SQLException {
        Set<AuthenticatorTransport> transports = Arrays.stream(rs.getString(11).split(","))
                .filter(t -> !t.isBlank())
                .map(AuthenticatorTransport::valueOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String clientData = rs.getString(6);
        return ImmutableCredentialRecord.builder()
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .credentialId(Bytes.fromBase64(rs.getString(1)))
                .userEntityUserId(Bytes.fromBase64(rs.getString(2)))
                .label(rs.getString(3))
                .publicKey(new ImmutablePublicKeyCose(
                        Bytes.fromBase64(rs.getString(4)).getBytes()))
                .attestationObject(Bytes.fromBase64(rs.getString(5)))
                .attestationClientDataJSON(clientData == null ? null : Bytes.fromBase64(clientData))
                .signatureCount(rs.getLong(7))
                .uvInitialized(rs.getBoolean(8))
                .backupEligible(rs.getBoolean(9))
                .backupState(rs.getBoolean(10))
                .transports(transports)
                .created(instant(rs, 12))
                .lastUsed(instant(rs, 13))
                .build();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /** A use of a passkey whose signature count did not move past the stored one (a race, or a clone). */
    static final class CounterNotAdvancedException extends RuntimeException {
        CounterNotAdvancedException() {
            super("passkey signature count did not advance");
        }
    }
}
