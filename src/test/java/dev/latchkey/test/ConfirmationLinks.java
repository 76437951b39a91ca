package dev.latchkey.test;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the links that confirm a new email address out of the mail the test SMTP server received. */
public final class ConfirmationLinks {

    private static final Pattern LINK =
            Pattern.compile("https?://[^/\\s]+(/sites/[a-z0-9-]+/confirm-email/([A-Za-z0-9_-]{43}))");

    private ConfirmationLinks() {}

    /** Waits for the {@code n}-th confirmation link (1-based) to a recipient; answers its path. */
    public static String await(String recipient, int n) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<String> links = links(recipient);
            if (links.size() >= n) {
                return links.get(n - 1);
            }
            TestMailServer.sleep(50);
        }
        throw new AssertionError("No confirmation link #" + n + " to " + recipient + " within 20 s");
    }

    /** Every confirmation link that reached the recipient so far, oldest first. */
    public static List<String> links(String recipient) {
        return TestMailServer.messagesTo(recipient).stream()
                .map(m -> LINK.matcher(GreenMailUtil.getBody(m)))
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .toList();
    }

    /** The token at the end of a confirmation link. */
    public static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    /** The bodies of every message the recipient received so far. */
    public static List<String> bodies(String recipient) {
        return TestMailServer.messagesTo(recipient).stream()
                .map(ConfirmationLinks::body)
                .toList();
    }

    private static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }
}
