package dev.latchkey.delivery.dev;

import dev.latchkey.delivery.MessageSent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message of the dev inbox as the page shows it: the one-time code it carries picked out, so the demo user copies
 * the code rather than reading it from the body, and the time both exact (for the local-time script) and readable in
 * UTC (without it).
 */
record InboxEntry(MessageSent message, String code, String sentAtUtc) {

    /** Email and SMS codes are six digits; the SMS's WebOTP line repeats it after {@code #}. */
    private static final Pattern CODE = Pattern.compile("(?<![\\d#])\\d{6}(?!\\d)");

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    static InboxEntry of(MessageSent message) {
        Matcher code = CODE.matcher(message.body() == null ? "" : message.body());
        return new InboxEntry(message, code.find() ? code.group() : null, UTC.format(message.sentAt()));
    }

    public Instant sentAt() {
        return message.sentAt();
    }
}
