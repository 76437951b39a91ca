package dev.latchkey.admin;

import dev.latchkey.audit.AuditFilter;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.shared.web.BadInputException;
import dev.latchkey.shared.web.SearchText;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * F-ADMIN-5: the audit log, filtered by site, user, event type and time, in pages, and as CSV. From and Until are read
 * in the reader's time zone (F-ADMIN-5): app.js puts the browser's zone in the hidden field {@code tz}; without it, or
 * with a zone Java does not know, they are UTC, and the page says which zone it used.
 */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    /** IANA names are well under this ("America/Argentina/ComodRivadavia" is 32); anything longer is not one. */
    static final int MAX_ZONE_LENGTH = 64;

    private static final ZoneId UTC = ZoneId.of("UTC");

    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9_+:\\-/]+");

    private final AuditLog audit;
    private final Sites sites;
    private final AdminScope scope;

    AuditController(AuditLog audit, Sites sites, AdminScope scope) {
        this.audit = audit;
        this.sites = sites;
        this.scope = scope;
    }

    @GetMapping("/admin/audit")
    String page(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @RequestParam(required = false) String site,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String tz,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Optional<ZoneId> given = zone(tz);
        ZoneId zone = given.orElse(UTC);
        AuditFilter filter = filter(admin, site, user, type, from, to, zone);
        if (page < 0 || page > 100_000) {
            throw new BadInputException("admin.audit.badPage");
        }
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("user", admin);
        model.addAttribute("sites", scope.visibleSites(admin));
        model.addAttribute("types", AuditLog.TYPES);
        model.addAttribute("filter", filter);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("zone", zone.getId());
        // empty for the script to fill with the browser's zone, unless the times shown were read in another one
        model.addAttribute("tz", given.isEmpty() && blank(from) && blank(to) ? "" : zone.getId());
        model.addAttribute("result", audit.page(filter, page, PAGE_SIZE));
        return "admin/audit";
    }

    @GetMapping("/admin/audit.csv")
    ResponseEntity<StreamingResponseBody> csv(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @RequestParam(required = false) String site,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String tz) {
        AuditFilter filter = filter(admin, site, user, type, from, to, zone(tz).orElse(UTC));
        StreamingResponseBody body = stream -> {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            AuditCsv.header(out);
            audit.export(filter, entry -> AuditCsv.row(out, entry));
            out.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"latchkey-audit.csv\"")
                .body(body);
    }

    private AuditFilter filter(
            LatchkeyPrincipal admin, String site, String user, String type, String from, String to, ZoneId zone) {
        String realm = blank(site) ? null : site;
        // a site the admin does not manage reads as one that does not exist
        if (realm != null
                && !Realm.ADMIN_KEY.equals(realm)
                && sites.findBySlug(realm)
                        .filter(s -> scope.manages(admin, s.id()))
                        .isEmpty()) {
            throw new BadInputException("admin.audit.badSite");
        }
        if (!blank(type) && !AuditLog.TYPES.contains(type)) {
            throw new BadInputException("admin.audit.badType");
        }
        String userSearch = SearchText.of(user, 320);
        // a site admin sees the events of their own sites only
        return new AuditFilter(
                realm,
                userSearch,
                blank(type) ? null : type,
                instant(from, zone),
                instant(to, zone),
                scope.realms(admin));
    }

    /**
     * The zone From and Until are read in, when {@code tz} names one Java knows (an IANA name such as
     * {@code Europe/Amsterdam}, {@code UTC}, or an offset); empty for none, a wrong one or an oversized one. Never an
     * error: a wrong zone in a link still shows the log in UTC, and the page names the zone it used.
     */
    static Optional<ZoneId> zone(String tz) {
        if (blank(tz)
                || tz.length() > MAX_ZONE_LENGTH
                || !ZONE.matcher(tz.trim()).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(tz.trim()));
        } catch (DateTimeException unknown) {
            return Optional.empty();
        }
    }

    /**
     * A typed local time in {@code zone}; in a gap of a clock change it moves forward, in an overlap it is the earlier.
     */
    private static Instant instant(String value, ZoneId zone) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(zone).toInstant();
        } catch (DateTimeParseException ex) {
            throw new BadInputException("admin.audit.badTime");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
