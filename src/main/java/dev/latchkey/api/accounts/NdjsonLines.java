package dev.latchkey.api.accounts;

import dev.latchkey.accounts.BulkContacts.Line;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads an NDJSON body one line at a time, as the bulk sync asks for the next: each line is parsed and checked on its
 * own, so a bad line becomes a refused {@link Line} with its number and the others go on. Blank lines are skipped (but
 * counted for the numbering). A line longer than {@value #MAX_LINE} characters is refused without being kept. The body
 * is never held whole: memory stays at one line.
 */
final class NdjsonLines implements Iterator<Line> {

    static final int MAX_LINE = 8192;

    private final BufferedReader reader;
    private final ObjectReader json;
    private final Validator validator;
    private final StringBuilder buffer = new StringBuilder(256);
    private long number;
    private Line next;
    private boolean done;

    NdjsonLines(InputStream body, ObjectReader json, Validator validator) {
        this.reader = new BufferedReader(
                new InputStreamReader(
                        body,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE)),
                64 * 1024);
        this.json = json;
        this.validator = validator;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !done) {
            next = read();
        }
        return next != null;
    }

    @Override
    public Line next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Line line = next;
        next = null;
        return line;
    }

    /** The next line, null for a blank one or at the end (then {@code done}). */
    private Line read() {
        buffer.setLength(0);
        boolean tooLong = false;
        try {
            int c;
            while ((c = reader.read()) != -1 && c != '\n') {
                if (buffer.length() < MAX_LINE) {
                    buffer.append((char) c);
                } else {
                    tooLong = true;
                }
            }
            if (c == -1) {
                done = true;
                if (buffer.isEmpty() && !tooLong) {
                    return null;
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        number++;
        if (tooLong) {
            return Line.refused(number, null, List.of("line: longer than " + MAX_LINE + " characters"));
        }
        String text = buffer.toString().strip();
        if (text.isEmpty()) {
            return null;
        }
        BulkContactLine parsed;
        try {
            parsed = json.readValue(text);
        } catch (UnrecognizedPropertyException ex) {
            return Line.refused(number, null, List.of("unknown field: " + cut(ex.getPropertyName())));
        } catch (JacksonException ex) {
            String reason = ex.getCause() instanceof IllegalArgumentException unknown
                    ? cut(unknown.getMessage())
                    : "line: not a JSON object of the expected form";
            return Line.refused(number, null, List.of(reason));
        }
        if (parsed == null) {
            return Line.refused(number, null, List.of("line: not a JSON object of the expected form"));
        }
        String externalId = parsed.externalId() == null ? null : cut(parsed.externalId());
        Set<ConstraintViolation<BulkContactLine>> violations = validator.validate(parsed);
        if (!violations.isEmpty()) {
            List<String> reasons = violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .sorted(Comparator.naturalOrder())
                    .toList();
            return Line.refused(number, externalId, reasons);
        }
        return Line.of(number, parsed.externalId(), parsed.accountExternalId(), parsed.details());
    }

    private static String cut(String value) {
        return value == null || value.length() <= 100 ? value : value.substring(0, 100) + "…";
    }
}
