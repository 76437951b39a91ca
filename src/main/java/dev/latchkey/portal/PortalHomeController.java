package dev.latchkey.portal;

import dev.latchkey.accounts.Accounts;
import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.Sites;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** F-PORTAL-1: the signed-in user's accounts and their contracts. */
@Controller
class PortalHomeController {

    private final Sites sites;
    private final Accounts accounts;

    PortalHomeController(Sites sites, Accounts accounts) {
        this.sites = sites;
        this.accounts = accounts;
    }

    @GetMapping({"/sites/{slug}", "/sites/{slug}/"})
    String home(@PathVariable String slug, @AuthenticationPrincipal LatchkeyPrincipal user, Model model) {
        model.addAttribute(
                "realm",
                sites.findBySlug(slug).orElseThrow(NotFoundException::new).realm());
        model.addAttribute("user", user);
        model.addAttribute("accounts", accounts.linkedTo(user.userId()));
        return "portal/home";
    }
}
