package dev.latchkey.admin;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import dev.latchkey.audit.AuditFilter;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.shared.web.BadInputException;
import dev.latchkey.shared.web.SearchText;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** F-ADMIN-5: the audit log, filtered by site, user, event type and time (UTC), in pages, and as CSV. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final Sites sites;
    private final AdminScope scope;

    AuditController(AuditLog audit, Sites sites, AdminScope scope) {
        this.audit = audit;
        this.sites = sites;
        this.scope = scope;
    }

    @GetMapping("/admin/audit")
    String page(@AuthenticationPrincipal LatchkeyPrincipal admin,
            @RequestParam(required = false) String site, @RequestParam(required = false) String user,
            @RequestParam(required = false) String type, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page, Model model) {
        AuditFilter filter = filter(admin, site, user, type, from, to);
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
        model.addAttribute("result", audit.page(filter, page, PAGE_SIZE));
        return "admin/audit";
    }

    @GetMapping("/admin/audit.csv")
    ResponseEntity<StreamingResponseBody> csv(@AuthenticationPrincipal LatchkeyPrincipal admin,
            @RequestParam(required = false) String site, @RequestParam(required = false) String user,
            @RequestParam(required = false) String type, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        AuditFilter filter = filter(admin, site, user, type, from, to);
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

    private AuditFilter filter(LatchkeyPrincipal admin, String site, String user, String type, String from,
            String to) {
        String realm = blank(site) ? null : site;
        // a site the admin does not manage reads as one that does not exist
        if (realm != null && !Realm.ADMIN_KEY.equals(realm)
                && sites.findBySlug(realm).filter(s -> scope.manages(admin, s.id())).isEmpty()) {
            throw new BadInputException("admin.audit.badSite");
        }
        if (!blank(type) && !AuditLog.TYPES.contains(type)) {
            throw new BadInputException("admin.audit.badType");
        }
        String userSearch = SearchText.of(user, 320);
        // a site admin sees the events of their own sites only
        return new AuditFilter(realm, userSearch, blank(type) ? null : type, instant(from), instant(to),
                scope.realms(admin));
    }

    private static Instant instant(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ex) {
            throw new BadInputException("admin.audit.badTime");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
