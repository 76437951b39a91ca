package dev.latchkey.admin;

import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.Realm;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin site's home. */
@Controller
class AdminHomeController {

    @GetMapping({"/admin", "/admin/"})
    String home(@AuthenticationPrincipal LatchkeyPrincipal admin, Model model) {
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("user", admin);
        return "admin/home";
    }
}
