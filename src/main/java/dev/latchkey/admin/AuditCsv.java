package dev.latchkey.admin;

import dev.latchkey.audit.AuditEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV of audit events. Fields with commas, quotes or line breaks are quoted; a field that a spreadsheet would
 * run as a formula (starting with {@code = + - @}) gets a leading apostrophe.
 */
final class AuditCsv {

    static final String HEADER = "time,event,outcome,site,user_id,user,factor,actor,ip,user_agent,detail";

    private AuditCsv() {}

    static void header(Writer out) {
        write(out, HEADER + "\r\n");
    }

    static void row(Writer out, AuditEntry e) {
        List<Object> fields = java.util.Arrays.asList(
                e.occurredAt(),
                e.type(),
                e.outcome(),
                e.realm(),
                e.userId(),
                e.username(),
                e.factor(),
                e.actor(),
                e.ip(),
                e.userAgent(),
                e.detail());
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        write(out, line.append("\r\n").toString());
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
