package dev.latchkey.portal;

import dev.latchkey.shared.web.RetryAfter;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.signin.PasswordChange;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.NewPasswordFields;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * F-ACCOUNT-2: "Change password" on the Security page of every site and of the admin site. The rules are
 * {@link PasswordChange}'s; a refusal answers with the Security page, the reason in the password section, and a 4xx
 * status.
 */
@Controller
@NewPasswordFields
class PasswordChangeController {

    private final AccountRealm realms;
    private final SecurityPageModel page;
    private final PasswordChange passwordChange;

    PasswordChangeController(AccountRealm realms, SecurityPageModel page, PasswordChange passwordChange) {
        this.realms = realms;
        this.page = page;
        this.passwordChange = passwordChange;
    }

    @PostMapping({"/sites/{slug}/account/security/password", "/admin/account/security/password"})
    String change(
            @PathVariable(required = false) String slug,
            @AuthenticationPrincipal LatchkeyPrincipal me,
            @ModelAttribute PasswordChangeForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Realm realm = realms.of(slug);
        PasswordChange.Outcome outcome = passwordChange.change(realm, me, form.input(), request, response);
        switch (outcome.result()) {
            case STEP_UP:
                return "redirect:" + outcome.page();
            case CHANGED:
                redirect.addFlashAttribute("passwordNotice", outcome.messageKey());
                redirect.addFlashAttribute("passwordNoticeArg", outcome.argument());
                return "redirect:" + realm.basePath() + "/account/security#change-password";
            case THROTTLED:
                RetryAfter.set(response, outcome.retryAfter());
                return refused(HttpStatus.TOO_MANY_REQUESTS, outcome, form, realm, me, response, model);
            case WRONG_CURRENT:
                return refused(HttpStatus.UNAUTHORIZED, outcome, form, realm, me, response, model);
            case CHANGED_MEANWHILE:
                return refused(HttpStatus.CONFLICT, outcome, form, realm, me, response, model);
            default:
                return refused(HttpStatus.BAD_REQUEST, outcome, form, realm, me, response, model);
        }
    }

    /** The Security page again, the reason in the password section; what was typed is not shown again. */
    private String refused(
            HttpStatus status,
            PasswordChange.Outcome outcome,
            PasswordChangeForm form,
            Realm realm,
            LatchkeyPrincipal me,
            HttpServletResponse response,
            Model model) {
        response.setStatus(status.value());
        model.addAttribute("passwordError", outcome.messageKey());
        model.addAttribute("passwordErrorArg", outcome.argument());
        model.addAttribute("signOutOthersTicked", form.signOutOthersTicked());
        return page.render(model, realm, me);
    }
}
