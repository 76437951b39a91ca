package dev.latchkey.admin;

import dev.latchkey.shared.web.FormProblems;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.AdminRole;
import dev.latchkey.users.EmailTakenException;
import dev.latchkey.users.Invitations;
import dev.latchkey.users.UserView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** F-ADMIN-7 "Create admin user": system admins create system or site admins, who are invited by email. */
@Controller
@SystemAdminsOnly
class AdminUsersController {

    private final Sites sites;
    private final Invitations invitations;
    private final MessageSource messages;

    AdminUsersController(Sites sites, Invitations invitations, MessageSource messages) {
        this.sites = sites;
        this.invitations = invitations;
        this.messages = messages;
    }

    @GetMapping("/admin/admins/new")
    String form(@AuthenticationPrincipal LatchkeyPrincipal admin, Model model) {
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("user", admin);
        model.addAttribute("sites", sites.all());
        return "admin/new-admin";
    }

    @PostMapping("/admin/admins/new")
    String create(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @Valid @ModelAttribute NewAdminForm form,
            BindingResult input,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        String problem = FormProblems.first(input, NewAdminForm.PROBLEMS);
        Set<Long> siteIds = new HashSet<>(form.sites() == null ? Set.of() : form.sites());
        if (problem == null && !sites.all().stream().map(SiteView::id).toList().containsAll(siteIds)) {
            problem = "admin.admins.noSites";
        }
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", problem);
            return form(admin, model);
        }
        UserView created;
        try {
            created = invitations.inviteAdmin(
                    form.name().trim(), form.email().trim(), AdminRole.valueOf(form.role()), siteIds, admin.email());
        } catch (EmailTakenException ex) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("error", "admin.admins.taken");
            return form(admin, model);
        }
        redirect.addFlashAttribute(
                "notice",
                messages.getMessage(
                        "admin.admins.created",
                        new Object[] {created.displayName(), created.email()},
                        LocaleContextHolder.getLocale()));
        return "redirect:/admin/users";
    }
}
