package dev.latchkey.admin;

import dev.latchkey.directory.FactorSummary;
import dev.latchkey.directory.UserActions;
import dev.latchkey.directory.UserDirectory;
import dev.latchkey.shared.web.BadInputException;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.UserView;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * F-ADMIN-2/3: the portal users and admins, their 2FA status, "2FA required", lock, unlock, password reset and "Delete
 * 2FA setup". Every action comes back where it was started (F-ADMIN-3), with a notice naming the user. The actions
 * themselves are {@link UserActions}, which the API calls too; this page adds only who may act on whom
 * ({@link ManagedUsers}).
 */
@Controller
class UsersController {

    private final UserDirectory directory;
    private final UserActions actions;
    private final AdminScope scope;
    private final ManagedUsers managed;
    private final UsersFilters filters;
    private final MessageSource messages;

    UsersController(
            UserDirectory directory,
            UserActions actions,
            AdminScope scope,
            ManagedUsers managed,
            UsersFilters filters,
            MessageSource messages) {
        this.directory = directory;
        this.actions = actions;
        this.scope = scope;
        this.managed = managed;
        this.filters = filters;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String list(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @RequestParam(required = false) String site,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String mfa,
            @RequestParam(required = false) String strongest,
            @RequestParam(required = false) String page,
            Model model) {
        UsersFilter filter = filters.read(admin, site, q, mfa, strongest, page);
        Set<Long> sites = scope.sites(admin);
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("user", admin);
        model.addAttribute("sites", scope.visibleSites(admin));
        model.addAttribute("filter", filter);
        model.addAttribute("strengths", FactorSummary.STRENGTHS);
        model.addAttribute("back", new UsersReturn(false, filter));
        model.addAttribute("result", directory.page(filter.query(sites), filter.page()));
        // admins belong to no site: listed to system admins, and not when the list is narrowed to one site
        model.addAttribute(
                "admins", sites == null && filter.site() == null ? directory.admins(filter.query(null)) : List.of());
        return "admin/users";
    }

    /** F-POLICY-4: sets "2FA required" to the value posted, so a repeated or stale form changes nothing more. */
    @PostMapping("/admin/users/{id}/2fa-required")
    String require(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean required,
            @ModelAttribute UsersReturnForm form,
            RedirectAttributes redirect) {
        return act(
                admin,
                id,
                form,
                redirect,
                required ? "admin.users.required" : "admin.users.notRequired",
                (target, actor) -> actions.requireMfa(target.id(), required, actor));
    }

    @GetMapping("/admin/users/{id}/delete-2fa")
    String confirmDelete(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @PathVariable long id,
            @ModelAttribute UsersReturnForm form,
            Model model) {
        UserView target = managed.find(admin, id);
        UsersReturn back = back(admin, form);
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("user", admin);
        model.addAttribute("target", target);
        model.addAttribute("targetSite", managed.realmOf(target));
        model.addAttribute("back", back);
        return "admin/delete-2fa";
    }

    /** Deletes authenticator and backup codes, ends every session of the user; audited and emailed. */
    @PostMapping("/admin/users/{id}/delete-2fa")
    String delete(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @PathVariable long id,
            @ModelAttribute UsersReturnForm form,
            RedirectAttributes redirect) {
        return act(
                admin,
                id,
                form,
                redirect,
                "admin.users.deleted",
                (target, actor) -> actions.deleteTwoFactorSetup(target.id(), actor));
    }

    /** Lock an account (F-ADMIN-3): no sign-in until unlocked, every session ends; audited and emailed. */
    @PostMapping("/admin/users/{id}/lock")
    String lock(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @PathVariable long id,
            @ModelAttribute UsersReturnForm form,
            RedirectAttributes redirect) {
        return act(
                admin,
                id,
                form,
                redirect,
                "admin.users.lockedNow",
                (target, actor) -> actions.lock(target.id(), actor));
    }

    /** F-ADMIN-3 "Unlock": the lock and the failure count go; audited and emailed. */
    @PostMapping("/admin/users/{id}/unlock")
    String unlock(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @PathVariable long id,
            @ModelAttribute UsersReturnForm form,
            RedirectAttributes redirect) {
        return act(
                admin,
                id,
                form,
                redirect,
                "admin.users.unlocked",
                (target, actor) -> actions.unlock(target.id(), actor));
    }

    /**
     * F-ADMIN-3 "Send password reset": a single-use link valid 24 h, to the address the user signs in with; audited.
     * While a new address waits for the user's confirmation, the admin is told the link did not go there.
     */
    @PostMapping("/admin/users/{id}/password-reset")
    String passwordReset(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @PathVariable long id,
            @ModelAttribute UsersReturnForm form,
            RedirectAttributes redirect) {
        String notice = managed.find(admin, id).pendingEmail() == null
                ? "admin.users.resetSent"
                : "admin.users.resetSentToConfirmed";
        return act(admin, id, form, redirect, notice, (target, actor) -> actions.sendPasswordReset(target.id(), actor));
    }

    /**
     * Runs an action (the user, the admin's email) on a user this admin manages, then goes back where the admin came
     * from with a notice naming the user. A user outside the admin's scope is a 404 whatever else was sent; then a bad
     * way back is a 400, and nothing happens in either case.
     */
    private String act(
            LatchkeyPrincipal admin,
            long id,
            UsersReturnForm form,
            RedirectAttributes redirect,
            String notice,
            BiConsumer<UserView, String> action) {
        UserView target = managed.find(admin, id);
        UsersReturn back = back(admin, form);
        action.accept(target, admin.email());
        redirect.addFlashAttribute(
                "notice",
                messages.getMessage(
                        notice, new Object[] {target.displayName(), target.email()}, LocaleContextHolder.getLocale()));
        return back.redirect(target.id(), redirect);
    }

    private UsersReturn back(LatchkeyPrincipal admin, UsersReturnForm form) {
        String back = form.back() == null ? "" : form.back();
        if (!back.isEmpty() && !back.equals(UsersReturn.USER_PAGE)) {
            throw new BadInputException("error.badRequest");
        }
        return new UsersReturn(
                !back.isEmpty(), filters.read(admin, form.site(), form.q(), form.mfa(), form.strongest(), form.page()));
    }
}
