package dev.latchkey.users;

import dev.latchkey.sites.Realm;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The invitation link of F-CONTACT-1: choose a first password, then sign in. A link that is unknown, used, expired,
 * replaced by a newer one or of another site gets one answer (410), so the page tells nothing about which.
 */
@Controller
@NewPasswordFields
class InvitationController {

    private static final String PATH = "/sites/{slug}/invitation/{token}";
    private static final String ADMIN_PATH = "/admin/invitation/{token}";

    private final LinkPages pages;
    private final Invitations invitations;

    InvitationController(LinkPages pages, Invitations invitations) {
        this.pages = pages;
        this.invitations = invitations;
    }

    @GetMapping({PATH, ADMIN_PATH})
    String form(
            @PathVariable(required = false) String slug,
            @PathVariable String token,
            HttpServletResponse response,
            Model model) {
        Realm realm = pages.tokenPage(slug, model, response);
        if (!invitations.isUsable(realm, token)) {
            return unusable(response);
        }
        model.addAttribute("token", token);
        return "signin/invitation";
    }

    @PostMapping({PATH, ADMIN_PATH})
    String submit(
            @PathVariable(required = false) String slug,
            @PathVariable String token,
            @ModelAttribute SetPasswordForm form,
            HttpServletResponse response,
            Model model) {
        Realm realm = pages.tokenPage(slug, model, response);
        if (!invitations.isUsable(realm, token)) {
            return unusable(response);
        }
        var problem = invitations.passwordProblem(realm, token, form.password(), form.confirmation());
        if (problem.isPresent()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", problem.get());
            model.addAttribute("token", token);
            return "signin/invitation";
        }
        if (!invitations.accept(realm, token, form.password())) {
            return unusable(response);
        }
        return "redirect:" + realm.basePath() + "/login?passwordSet";
    }

    private static String unusable(HttpServletResponse response) {
        return LinkPages.gone(response, "signin/invitation-unusable");
    }
}
