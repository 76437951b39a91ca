package dev.latchkey.users;

import dev.latchkey.sites.Realm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** F-ADMIN-7: {@code latchkey.bootstrap-admin.email} / {@code .password} create the first system admin. */
@Component
@Order(0)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final Users users;
    private final String email;
    private final String password;

    BootstrapAdmin(
            Users users,
            @Value("${latchkey.bootstrap-admin.email:}") String email,
            @Value("${latchkey.bootstrap-admin.password:}") String password) {
        this.users = users;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank() || users.anyAdminExists()) {
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("latchkey.bootstrap-admin.password must have at least 12 characters");
        }
        users.create(Realm.ADMIN, new NewUser(email, "Administrator", password, true, null, false, AdminRole.SYSTEM));
        log.info("Created the first system admin {}", email);
    }
}
