package dev.latchkey.test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) for the tests, on a free port, shared by every test of the JVM. It can be stopped
 * and started again on the same port to play an SMTP outage.
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
        server = new GreenMail(setup).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
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
        return Arrays.stream(server.getReceivedMessages()).filter(m -> sentTo(m, recipient)).toList();
    }

    /** Waits for the {@code n}-th message (1-based) to a recipient and answers the 6-digit code in it. */
    public static String awaitCode(String recipient, int n) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> messages = messagesTo(recipient);
            if (messages.size() >= n) {
                Matcher matcher = CODE.matcher(GreenMailUtil.getBody(messages.get(n - 1)));
                if (!matcher.find()) {
                    throw new AssertionError("No 6-digit code in the message to " + recipient);
                }
                return matcher.group(1);
            }
            sleep(50);
        }
        throw new AssertionError("No message #" + n + " to " + recipient + " within 20 s");
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
