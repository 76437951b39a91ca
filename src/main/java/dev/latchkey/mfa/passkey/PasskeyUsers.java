package dev.latchkey.mfa.passkey;

import dev.latchkey.users.Users;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;

/**
 * The WebAuthn user entity of a Latchkey user, as the relying-party library looks it up: the random handle of
 * {@code passkey_user}, the email as name and the display name. Handles are made by {@link PasskeyStore#handle}.
 */
@Component
class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

    private final PasskeyStore store;
    private final Users users;

    PasskeyUsers(PasskeyStore store, Users users) {
        this.store = store;
        this.users = users;
    }

    /** The entity of a user, making their handle on first use. */
    PublicKeyCredentialUserEntity of(long userId) {
        var user = users.find(userId).orElseThrow();
        return ImmutablePublicKeyCredentialUserEntity.builder()
                .id(store.handle(userId))
                .name(user.email())
                .displayName(user.displayName())
                .build();
    }

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes handle) {
        return store.userOfHandle(handle)
                .flatMap(users::find)
                .map(user -> ImmutablePublicKeyCredentialUserEntity.builder()
                        .id(handle)
                        .name(user.email())
                        .displayName(user.displayName())
                        .build())
                .orElse(null);
    }

    /** Latchkey never looks users up by name here: it builds every ceremony's options itself. */
    @Override
    public PublicKeyCredentialUserEntity findByUsername(String username) {
        return null;
    }

    @Override
    public void save(PublicKeyCredentialUserEntity userEntity) {
        // handles are made by PasskeyStore#handle only
    }

    @Override
    public void delete(Bytes handle) {
        // a handle goes with its user (on delete cascade)
    }
}
