package dev.latchkey.test;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads invitation links (F-CONTACT-1) out of the mail the test SMTP server received. */
public final class InvitationLinks {

    private static final Pattern LINK =
            Pattern.compile("https?://[^/\\s]+(/sites/[a-z0-9-]+/invitation/([A-Za-z0-9_-]{43}))");

    private InvitationLinks() {}

    /** Waits for the {@code n}-th invitation (1-based) to a recipient; answers the path of its link. */
    public static String await(String recipient, int n) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<String> links = TestMailServer.messagesTo(recipient).stream()
                    .filter(InvitationLinks::isInvitation)
                    .map(m -> LINK.matcher(GreenMailUtil.getBody(m)))
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .toList();
            if (links.size() >= n) {
                return links.get(n - 1);
            }
            TestMailServer.sleep(50);
        }
        throw new AssertionError("No invitation #" + n + " to " + recipient + " within 20 s");
    }

    /** How many invitations reached the recipient so far. */
    public static long count(String recipient) {
        return TestMailServer.messagesTo(recipient).stream()
                .filter(InvitationLinks::isInvitation)
                .count();
    }

    /** The token at the end of an invitation link. */
    public static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    /** The fields of the invitation form. */
    public static Map<String, String> passwords(String password, String confirmation) {
        return Map.of("password", password, "confirmation", confirmation);
    }

    private static boolean isInvitation(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject() != null && message.getSubject().contains("invitation");
        } catch (MessagingException ex) {
            return false;
        }
    }
}
