package dev.latchkey.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.Browser;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every sign-in step is stored as a security event, without secrets. */
@IntegrationTest
class SignInAuditIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    AuditLog audit;

    @Test
    void recordsEveryStepOfASignInWithItsFactorAndOutcome() throws InterruptedException {
        var user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        SignInSteps.password(browser, "acme", user.email(), "wrong password");
        SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
        String code = TestMailServer.awaitCode(user.email(), 1);
        SignInSteps.code(browser, "acme", "email", code.equals("000000") ? "111111" : "000000");
        SignInSteps.code(browser, "acme", "email", code);

        List<String> events = awaitEvents(user.id(), 6).stream()
                .map(e -> e.type() + ":" + e.outcome() + ":" + e.factor())
                .toList();
        assertThat(events)
                .containsExactly(
                        "signin.completed:success:email",
                        "signin.second-factor:success:email",
                        "signin.second-factor:failure:email",
                        "code.sent:success:email",
                        "signin.password:success:null",
                        "signin.password:failure:null");
        assertThat(audit.recent()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("signin.password");
            assertThat(e.outcome()).isEqualTo("failure");
            assertThat(e.username()).isEqualTo(user.email());
        });
        assertThat(audit.recentFor(user.id())).allSatisfy(e -> {
            assertThat(String.valueOf(e.detail())).doesNotContain(code);
            assertThat(e.realm()).isEqualTo("acme");
        });
    }

    private List<AuditEntry> awaitEvents(long userId, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        List<AuditEntry> events = audit.recentFor(userId);
        while (events.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            events = audit.recentFor(userId);
        }
        return events;
    }
}
