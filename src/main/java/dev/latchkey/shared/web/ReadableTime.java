package dev.latchkey.shared.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A moment as a page shows it in {@code <time class="local-time" datetime="{iso}">{utc}</time>}: {@code iso} for the
 * {@code datetime} attribute (whole milliseconds at most, as HTML allows), from which app.js writes the time in the
 * reader's own zone and language; {@code utc} the text without script, which says that it is UTC.
 */
public record ReadableTime(String iso, String utc) {

    /** How Latchkey writes a time for people when it cannot use theirs (pages without script, emails). */
    public static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public static ReadableTime of(Instant at) {
        return at == null
                ? null
                : new ReadableTime(at.truncatedTo(ChronoUnit.MILLIS).toString(), UTC.format(at));
    }
}
