package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.Browser;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Codes and passwords never reach the log, and Spring Boot's generated default user does not exist. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsInLogsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    ApplicationContext context;

    @Test
    void aWholeSignInLogsNeitherThePasswordNorTheCode(CapturedOutput output) {
        var user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        SignInSteps.password(browser, "acme", user.email(), "a wrong password 12345");
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        String code = TestMailServer.awaitCode(user.email(), 1);
        SignInSteps.code(browser, "acme", "email", code.equals("000000") ? "111111" : "000000");
        assertThat(SignInSteps.code(browser, "acme", "email", code).location()).isEqualTo("/sites/acme/");

        assertThat(output.getAll())
                .doesNotContain(TestUsers.PASSWORD)
                .doesNotContain("a wrong password 12345")
                .doesNotContain(code);
    }

    @Test
    void thereIsNoGeneratedDefaultUser() {
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
    }
}
