package dev.latchkey.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Users and passwords on this run's database. */
@IntegrationTest
class UsersIntegrationTests {

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void passwordsAreStoredAsArgon2idWithTheirParameters() {
        UserView user = testUsers.portalUser("acme");
        String hash = jdbc.sql("select password_hash from app_user where id = ?")
                .param(user.id())
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(TestUsers.PASSWORD);
    }

    @Test
    void aSignInReHashesAPasswordWhoseParametersAreOutOfDateLowerOrHigher() {
        Realm acme = sites.findBySlug("acme").orElseThrow().realm();
        for (String params : new String[] {"m=8192,t=3,p=1", "m=20480,t=2,p=1", "m=19456,t=2,p=2"}) {
            UserView user = testUsers.portalUser("acme");
            String[] p = params.replaceAll("[a-z]=", "").split(",");
            String old = "{argon2}"
                    + new Argon2PasswordEncoder(
                                    16, 32, Integer.parseInt(p[2]), Integer.parseInt(p[0]), Integer.parseInt(p[1]))
                            .encode(TestUsers.PASSWORD);
            assertThat(old).contains("$" + params + "$");
            jdbc.sql("update app_user set password_hash = ? where id = ?")
                    .params(old, user.id())
                    .update();

            assertThat(users.authenticate(acme, user.email(), TestUsers.PASSWORD))
                    .isPresent();

            String now = passwordHash(user.id());
            assertThat(now).as("re-hashed from %s", params).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
            assertThat(users.authenticate(acme, user.email(), TestUsers.PASSWORD))
                    .isPresent();
            assertThat(passwordHash(user.id())).as("an up-to-date hash is kept").isEqualTo(now);
        }
    }

    @Test
    void aWrongPasswordDoesNotReHash() {
        Realm acme = sites.findBySlug("acme").orElseThrow().realm();
        UserView user = testUsers.portalUser("acme");
        String old = "{argon2}" + new Argon2PasswordEncoder(16, 32, 1, 8192, 3).encode(TestUsers.PASSWORD);
        jdbc.sql("update app_user set password_hash = ? where id = ?")
                .params(old, user.id())
                .update();

        assertThat(users.authenticate(acme, user.email(), TestUsers.PASSWORD + "x"))
                .isEmpty();

        assertThat(passwordHash(user.id())).isEqualTo(old);
    }

    /**
     * The one E.164 rule of {@code phones}: a phone of the E.164 shape that is no valid number (too short for any
     * country, an unknown country code, a number range no country uses) is refused, as the SMS factor never used it.
     */
    @Test
    void onlyAValidE164PhoneIsStored() {
        UserView user = testUsers.portalUser("acme");
        for (String phone : new String[] {
            "+12", "+123456", "+1234567", "+15555550100", "+999123456789", "+3120123456", "+31 20 123 4567"
        }) {
            assertThatThrownBy(() -> users.storePhone(user.id(), phone))
                    .as(phone)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(users.find(user.id()).orElseThrow().phone()).isEqualTo(user.phone());

        users.storePhone(user.id(), "+31612345678");
        assertThat(users.find(user.id()).orElseThrow().phone()).isEqualTo("+31612345678");
        users.storePhone(user.id(), null);
        assertThat(users.find(user.id()).orElseThrow().phone()).isNull();
    }

    private String passwordHash(long userId) {
        return jdbc.sql("select password_hash from app_user where id = ?")
                .param(userId)
                .query(String.class)
                .single();
    }

    @Test
    void authenticateIgnoresCaseOfTheEmailAndRejectsWrongPasswords() {
        UserView user = testUsers.portalUser("acme");
        Realm acme = sites.findBySlug("acme").orElseThrow().realm();
        assertThat(users.authenticate(acme, user.email().toUpperCase(), TestUsers.PASSWORD))
                .isPresent();
        assertThat(users.authenticate(acme, user.email(), TestUsers.PASSWORD + "x"))
                .isEmpty();
        assertThat(users.authenticate(acme, "missing-" + user.email(), TestUsers.PASSWORD))
                .isEmpty();
    }

    @Test
    void aLoginBelongsToOneSite() {
        UserView user = testUsers.portalUser("acme");
        Realm globex = sites.findBySlug("globex").orElseThrow().realm();
        assertThat(users.authenticate(globex, user.email(), TestUsers.PASSWORD)).isEmpty();
        assertThat(users.authenticate(Realm.ADMIN, user.email(), TestUsers.PASSWORD))
                .isEmpty();
    }

    @Test
    void theSameEmailCannotBeTwoUsersOfOneSite() {
        UserView user = testUsers.portalUser("acme");
        Realm acme = sites.findBySlug("acme").orElseThrow().realm();
        assertThatThrownBy(() -> users.create(
                        acme, new NewUser(user.email().toUpperCase(), "Twin", "x".repeat(12), true, null, false, null)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void oneHundredConsecutiveSecondFactorFailuresLockTheAccountAndASuccessResetsTheCount() {
        UserView user = testUsers.portalUser("acme");
        for (int i = 0; i < 99; i++) {
            users.recordSecondFactorFailure(user.id());
        }
        assertThat(users.find(user.id()).orElseThrow().locked()).isFalse();
        users.recordSecondFactorSuccess(user.id());
        assertThat(users.find(user.id()).orElseThrow().secondFactorFailures()).isZero();
        for (int i = 0; i < 100; i++) {
            users.recordSecondFactorFailure(user.id());
        }
        assertThat(users.find(user.id()).orElseThrow().locked()).isTrue();
        Realm acme = sites.findBySlug("acme").orElseThrow().realm();
        assertThat(users.authenticate(acme, user.email(), TestUsers.PASSWORD)).isEmpty();
    }
}
