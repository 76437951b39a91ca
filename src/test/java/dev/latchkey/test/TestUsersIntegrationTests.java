package dev.latchkey.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.sites.Sites;
import dev.latchkey.users.NewUser;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fixture users share one real hash of {@link TestUsers#PASSWORD}, made once per context; the application's encoder
 * is untouched: the same password given to {@link Users#create} gets a hash (and salt) of its own every time.
 */
@IntegrationTest
class TestUsersIntegrationTests {

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Autowired
    JdbcClient jdbc;

    @Test
    void usersOfTheFixturePasswordShareOneRealHashAndOthersGetTheirOwn() {
        UserView first = testUsers.portalUser("acme");
        UserView second = testUsers.portalUser("globex");
        assertThat(hash(first)).isEqualTo(hash(second)).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(users.authenticate(
                        sites.findBySlug("globex").orElseThrow().realm(), second.email(), TestUsers.PASSWORD))
                .isPresent();

        var acme = sites.findBySlug("acme").orElseThrow().realm();
        String other = "another long password " + System.nanoTime();
        UserView third = users.create(
                acme, new NewUser("o-" + System.nanoTime() + "@acme.test", "Other", other, true, null, false, null));
        UserView fourth = users.create(
                acme, new NewUser("p-" + System.nanoTime() + "@acme.test", "Other", other, true, null, false, null));
        assertThat(hash(third)).isNotEqualTo(hash(fourth)).isNotEqualTo(hash(first));
        assertThat(users.authenticate(acme, third.email(), other)).isPresent();
        assertThat(users.authenticate(acme, third.email(), TestUsers.PASSWORD)).isEmpty();
    }

    private String hash(UserView user) {
        return jdbc.sql("select password_hash from app_user where id = ?")
                .param(user.id())
                .query(String.class)
                .single();
    }
}
