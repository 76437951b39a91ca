package dev.latchkey.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.TestEnvironment;
import dev.latchkey.test.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** F-ADMIN-7: on an empty production database the bootstrap properties create the first system admin. */
@SpringBootTest(
        properties = {
            "latchkey.demo=false",
            "latchkey.encryption-key=" + TestEnvironment.ENCRYPTION_KEY,
            "latchkey.bootstrap-admin.email=first-admin@example.test",
            "latchkey.bootstrap-admin.password=a long enough password",
            "spring.datasource.url=jdbc:h2:mem:bootstrap;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE",
            "spring.mail.host=127.0.0.1",
            "latchkey.base-url=https://portal.example.test",
            "management.server.port=0"
        })
class BootstrapAdminTests {

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", TestMailServer::port);
    }

    @Autowired
    Users users;

    @Autowired
    Sites sites;

    @Test
    void createsTheFirstSystemAdminAndNoDemoData() {
        UserView admin =
                users.findByEmail(Realm.ADMIN, "first-admin@example.test").orElseThrow();
        assertThat(admin.adminRole()).isEqualTo(AdminRole.SYSTEM);
        assertThat(users.authenticate(Realm.ADMIN, "first-admin@example.test", "a long enough password"))
                .isPresent();
        assertThat(sites.all()).isEmpty();
        assertThat(users.findByEmail(Realm.ADMIN, "admin@latchkey.test")).isEmpty();
    }
}
