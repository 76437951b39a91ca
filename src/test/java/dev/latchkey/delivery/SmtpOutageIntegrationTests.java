package dev.latchkey.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.test.Browser;
import dev.latchkey.test.Browser.Page;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.SignInSteps;
import dev.latchkey.test.TestMailServer;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** F-CODE-4: a hanging or dead SMTP server never blocks a sign-in, and the code goes out once SMTP is back. */
@IntegrationTest
class SmtpOutageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Test
    void signInAnswersAtOnceWhileSmtpHangsAndTheCodeArrivesWhenSmtpIsBack() throws Exception {
        UserView user = testUsers.portalUser("acme");
        Browser browser = new Browser(port);
        TestMailServer.stop();
        try (BlackHoleSmtp hole = new BlackHoleSmtp(TestMailServer.port())) {
            Instant before = Instant.now();
            Page afterPassword = SignInSteps.password(browser, "acme", user.email(), TestUsers.PASSWORD);
            Duration took = Duration.between(before, Instant.now());
            assertThat(afterPassword.location()).isEqualTo("/sites/acme/login/email");
            // the test SMTP timeout is 4 s: a request that waited on SMTP could not be this quick
            assertThat(took).isLessThan(Duration.ofSeconds(2));

            Page codePage = awaitDeliveryTrouble(browser);
            assertThat(codePage.alerts()).contains("could not deliver");
            assertThat(codePage.document().select("#code-form")).hasSize(1);
        } finally {
            TestMailServer.restart();
        }
        String code = TestMailServer.awaitCode(user.email(), 1);
        assertThat(SignInSteps.code(browser, "acme", "email", code).location()).isEqualTo("/sites/acme/");
    }

    private static Page awaitDeliveryTrouble(Browser browser) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        Page page = browser.get("/sites/acme/login/email");
        while (!page.alerts().contains("could not deliver") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            page = browser.get("/sites/acme/login/email");
        }
        return page;
    }

    /** Accepts SMTP connections and never answers, like a mail server that hangs. */
    static final class BlackHoleSmtp implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> held = new ArrayList<>();

        BlackHoleSmtp(int port) throws IOException {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            Thread accept = new Thread(
                    () -> {
                        while (!server.isClosed()) {
                            try {
                                Socket socket = server.accept();
                                synchronized (held) {
                                    held.add(socket);
                                }
                            } catch (IOException closed) {
                                return;
                            }
                        }
                    },
                    "black-hole-smtp");
            accept.setDaemon(true);
            accept.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (held) {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }
}
