package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.test.Browser;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestEnvironment;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Failure counts and locks live in the database, so a restarted node (here: a second instance of the application
 * started on the same database) sees exactly what the first one counted.
 */
@IntegrationTest
class RestartIntegrationTests {

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Test
    void aRestartedNodeKeepsTheCountsAndTheLock() {
        UserView counted = testUsers.portalUser("globex");
        UserView locked = testUsers.portalUser("globex");
        for (int i = 0; i < 7; i++) {
            users.recordSecondFactorFailure(counted.id());
        }
        for (int i = 0; i < 100; i++) {
            users.recordSecondFactorFailure(locked.id());
        }

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(LatchkeyApplication.class)
                .initializers(new TestEnvironment())
                .run("--server.port=0")) { // an argument: a default property would lose to application.properties
            Users afterRestart = restarted.getBean(Users.class);
            assertThat(afterRestart.find(counted.id()).orElseThrow().secondFactorFailures())
                    .isEqualTo(7);
            assertThat(afterRestart.find(locked.id()).orElseThrow().locked()).isTrue();

            int port = Integer.parseInt(restarted.getEnvironment().getProperty("local.server.port"));
            assertThat(SignInSteps.password(new Browser(port), "globex", locked.email(), TestUsers.PASSWORD)
                            .status())
                    .as("the restarted node refuses the locked account, right password or not")
                    .isEqualTo(401);
            assertThat(SignInSteps.password(new Browser(port), "globex", counted.email(), TestUsers.PASSWORD)
                            .location())
                    .isEqualTo("/sites/globex/");
        }
    }
}
