package dev.latchkey.test;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) for the tests, on a free port, shared by every test of the JVM. It can be stopped and
 * started again on the same port to play an SMTP outage.
 */
public final class TestMailServer {

    private static final Pattern CODE = Pattern.compile("(?m)^\\s*(\\d{6})\\s*$");
    private static GreenMail server;
    private static int port;

    private TestMailServer() {}

    public static synchronized int port() {
        if (server == null) {
            GreenMail first = start(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            port = first.getSmtp().getPort();
        }
        return port;
    }

    private static GreenMail start(ServerSetup setup) {
        server = new GreenMail(setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        return server;
    }

    /** Stops SMTP: connections to the port are refused until {@link #restart()}. */
    public static synchronized void stop() {
        server.stop();
    }

    /** Starts SMTP again on the same port, waiting for the operating system to free the port if need be. */
    public static synchronized void restart() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            setup.setServerStartupTimeout(5000);
            try {
                start(setup);
                return;
            } catch (IllegalStateException portStillBusy) {
                server.stop();
                if (Instant.now().isAfter(deadline)) {
                    throw portStillBusy;
                }
                sleep(250);
            }
        }
    }

    /** Every message received for one recipient, oldest first. */
    public static synchronized List<MimeMessage> messagesTo(String recipient) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> sentTo(m, recipient))
                .toList();
    }

    /** Waits for the {@code n}-th message with a code (1-based) to a recipient and answers its 6-digit code. */
    public static String awaitCode(String recipient, int n) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<String> codes = messagesTo(recipient).stream()
                    .map(m -> CODE.matcher(GreenMailUtil.getBody(m)))
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .toList();
            if (codes.size() >= n) {
                return codes.get(n - 1);
            }
            sleep(50);
        }
        throw new AssertionError("No code #" + n + " to " + recipient + " within 20 s");
    }

    /** Waits until a message whose subject contains {@code text} reached the recipient; answers its body. */
    public static String awaitMessage(String recipient, String text) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : messagesTo(recipient)) {
                try {
                    if (message.getSubject() != null && message.getSubject().contains(text)) {
                        return GreenMailUtil.getBody(message);
                    }
                } catch (MessagingException ignored) {
                    // not readable: keep looking
                }
            }
            sleep(50);
        }
        throw new AssertionError("No message about '" + text + "' to " + recipient + " within 20 s");
    }

    private static boolean sentTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException ex) {
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }
}
