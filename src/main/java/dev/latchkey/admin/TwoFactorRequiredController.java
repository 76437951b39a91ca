package dev.latchkey.admin;

import java.util.Optional;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.AdminRole;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * F-POLICY-4, minimal control until the Users page arrives: set or clear "2FA required" for one user, found by
 * site and email (the site {@code admin} means an admin user).
 */
@Controller
class TwoFactorRequiredController {

    private final Sites sites;
    private final Users users;

    TwoFactorRequiredController(Sites sites, Users users) {
        this.sites = sites;
        this.users = users;
    }

    @GetMapping("/admin/users/2fa-required")
    String form(@AuthenticationPrincipal LatchkeyPrincipal admin, Model model) {
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("user", admin);
        model.addAttribute("sites", sites.all());
        return "admin/two-factor-required";
    }

    @PostMapping("/admin/users/2fa-required")
    String set(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @RequestParam String site,
            @RequestParam String email,
            @RequestParam(defaultValue = "false") boolean required,
            HttpServletResponse response,
            Model model) {
        if (admin.adminRole() != AdminRole.SYSTEM) {
            throw new AccessDeniedException("system admins only until site scopes exist");
        }
        Optional<Realm> realm = Realm.ADMIN_KEY.equals(site)
                ? Optional.of(Realm.ADMIN)
                : sites.findBySlug(site).map(SiteView::realm);
        Optional<UserView> target = email.length() > 320 ? Optional.empty()
                : realm.flatMap(r -> users.findByEmail(r, email));
        if (target.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("error", "admin.2fa.notFound");
            return form(admin, model);
        }
        users.setMfaRequired(target.get().id(), required, admin.email());
        return "redirect:/admin/users/2fa-required?saved";
    }
}
