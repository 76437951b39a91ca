package dev.latchkey.admin;

import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.Realm;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin site's home, with what each visible site's sign-in is worth (F-ASSURANCE). */
@Controller
class AdminHomeController {

    private final AdminScope scope;

    AdminHomeController(AdminScope scope) {
        this.scope = scope;
    }

    @GetMapping({"/admin", "/admin/"})
    String home(@AuthenticationPrincipal LatchkeyPrincipal admin, Model model) {
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("user", admin);
        // F-ASSURANCE: what each of the admin's sites' sign-in is worth
        model.addAttribute("sites", scope.visibleSites(admin));
        return "admin/home";
    }
}
