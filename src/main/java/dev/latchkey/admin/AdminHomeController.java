package dev.latchkey.admin;

import dev.latchkey.audit.AuditLog;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.Realm;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin site's home and the recent security events. */
@Controller
class AdminHomeController {

    private final AuditLog audit;

    AdminHomeController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping({"/admin", "/admin/"})
    String home(@AuthenticationPrincipal LatchkeyPrincipal admin, Model model) {
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("user", admin);
        return "admin/home";
    }

    @GetMapping("/admin/audit")
    String audit(@AuthenticationPrincipal LatchkeyPrincipal admin, Model model) {
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("user", admin);
        model.addAttribute("events", audit.recent());
        return "admin/audit";
    }
}
