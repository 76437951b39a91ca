package dev.latchkey.admin;

import dev.latchkey.accounts.ContactDetails;
import dev.latchkey.accounts.PhoneWarnings;
import dev.latchkey.phones.ParsedPhone;
import dev.latchkey.phones.PhoneNumbers;
import dev.latchkey.shared.web.FormProblems;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.EmailTakenException;
import dev.latchkey.users.Invitations;
import dev.latchkey.users.UserView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
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

/** F-ADMIN-7 Create portal user: a user of one site, without password, who gets the invitation of F-CONTACT-1. */
@Controller
class PortalUserController {

    private final Sites sites;
    private final AdminScope scope;
    private final Invitations invitations;
    private final PhoneNumbers phones;
    private final PhoneWarnings warnings;
    private final MessageSource messages;

    PortalUserController(
            Sites sites,
            AdminScope scope,
            Invitations invitations,
            PhoneNumbers phones,
            PhoneWarnings warnings,
            MessageSource messages) {
        this.sites = sites;
        this.scope = scope;
        this.invitations = invitations;
        this.phones = phones;
        this.warnings = warnings;
        this.messages = messages;
    }

    @GetMapping("/admin/users/new")
    String form(@AuthenticationPrincipal LatchkeyPrincipal admin, Model model) {
        return page(admin, NewPortalUserForm.empty(), model);
    }

    @PostMapping("/admin/users/new")
    @SystemAdminsOnly
    String create(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @Valid @ModelAttribute NewPortalUserForm form,
            BindingResult input,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        String formProblem = FormProblems.first(input, NewPortalUserForm.PROBLEMS);
        Optional<SiteView> site = sites.findBySlug(form.site());
        String problem = site.isEmpty() ? "users.new.badSite" : formProblem;
        if (problem != null) {
            return refused(admin, form, problem, HttpStatus.BAD_REQUEST, response, model);
        }
        ContactDetails person = form.person().details();
        ParsedPhone phone = phones.parse(person.phone(), site.get().defaultRegion());
        UserView user;
        try {
            user = invitations.invitePortalUser(
                    site.get().realm(), person.name(), person.email(), phone.e164(), admin.email());
        } catch (EmailTakenException ex) {
            return refused(admin, form, "users.new.emailTaken", HttpStatus.CONFLICT, response, model);
        }
        flash.addFlashAttribute(
                "notice",
                messages.getMessage(
                        "users.new.invited",
                        new Object[] {user.email(), site.get().name()},
                        LocaleContextHolder.getLocale()));
        if (phone.hasProblem()) {
            flash.addFlashAttribute("warning", warnings.forUser(phone));
        }
        return "redirect:/admin/users/new";
    }

    private String refused(
            LatchkeyPrincipal admin,
            NewPortalUserForm form,
            String error,
            HttpStatus status,
            HttpServletResponse response,
            Model model) {
        response.setStatus(status.value());
        model.addAttribute("error", error);
        return page(admin, form, model);
    }

    private String page(LatchkeyPrincipal admin, NewPortalUserForm form, Model model) {
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("sites", scope.visibleSites(admin));
        model.addAttribute("user", admin);
        model.addAttribute("form", form);
        return "admin/new-user";
    }
}
