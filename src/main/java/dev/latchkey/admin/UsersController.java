package dev.latchkey.admin;

import java.util.Optional;
import java.util.Set;
import dev.latchkey.mfa.TwoFactorSetup;
import dev.latchkey.shared.web.BadInputException;
import dev.latchkey.shared.web.SearchText;
import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.signin.Sessions;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.DirectoryQuery;
import dev.latchkey.users.Invitations;
import dev.latchkey.users.UserDirectory;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** F-ADMIN-2/3: the portal users, their 2FA status, "2FA required" and "Delete 2FA setup". */
@Controller
class UsersController {

    private final UserDirectory directory;
    private final Users users;
    private final Sites sites;
    private final TwoFactorSetup twoFactor;
    private final Sessions sessions;
    private final Invitations invitations;
    private final AdminScope scope;

    UsersController(UserDirectory directory, Users users, Sites sites, TwoFactorSetup twoFactor, Sessions sessions,
            Invitations invitations, AdminScope scope) {
        this.directory = directory;
        this.users = users;
        this.sites = sites;
        this.twoFactor = twoFactor;
        this.sessions = sessions;
        this.invitations = invitations;
        this.scope = scope;
    }

    @GetMapping("/admin/users")
    String list(@AuthenticationPrincipal LatchkeyPrincipal admin, @RequestParam(required = false) String site,
            @RequestParam(required = false) String q, @RequestParam(required = false) String mfa,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Set<Long> managed = scope.sites(admin);
        Optional<SiteView> chosen = site == null || site.isBlank() ? Optional.empty()
                : sites.findBySlug(site).filter(s -> scope.manages(admin, s.id()));
        if (site != null && !site.isBlank() && chosen.isEmpty()) {
            throw new BadInputException("admin.users.badSite");
        }
        q = SearchText.of(q, 320);
        if (page < 0 || page > 100_000) {
            throw new BadInputException("error.badRequest");
        }
        Boolean activated = mfa == null || mfa.isBlank() ? null
                : switch (mfa) {
                    case "activated" -> Boolean.TRUE;
                    case "not-activated" -> Boolean.FALSE;
                    default -> throw new BadInputException("admin.users.badMfa");
                };
        DirectoryQuery query = new DirectoryQuery(chosen.map(SiteView::id).orElse(null), q, activated, managed);
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("user", admin);
        model.addAttribute("sites", scope.visibleSites(admin));
        model.addAttribute("site", chosen.map(SiteView::slug).orElse(""));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("mfa", mfa == null ? "" : mfa);
        model.addAttribute("result", directory.page(query, page));
        model.addAttribute("admins", managed == null ? directory.admins() : java.util.List.of());
        return "admin/users";
    }

    @PostMapping("/admin/users/{id}/2fa-required")
    String require(@AuthenticationPrincipal LatchkeyPrincipal admin, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean required, RedirectAttributes redirect) {
        UserView user = managedUser(admin, id);
        users.setMfaRequired(user.id(), required, admin.email());
        redirect.addFlashAttribute("notice", required ? "admin.users.required" : "admin.users.notRequired");
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/users/{id}/delete-2fa")
    String confirmDelete(@AuthenticationPrincipal LatchkeyPrincipal admin, @PathVariable long id, Model model) {
        UserView target = managedUser(admin, id);
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("user", admin);
        model.addAttribute("target", target);
        model.addAttribute("targetSite", realmOf(target));
        return "admin/delete-2fa";
    }

    /** Deletes authenticator and backup codes, ends every session of the user; audited and emailed. */
    @PostMapping("/admin/users/{id}/delete-2fa")
    String delete(@AuthenticationPrincipal LatchkeyPrincipal admin, @PathVariable long id,
            RedirectAttributes redirect) {
        UserView target = managedUser(admin, id);
        Realm realm = realmOf(target);
        twoFactor.delete(realm, target.id(), admin.email());
        sessions.endAll(realm.key(), target.id());
        redirect.addFlashAttribute("notice", "admin.users.deleted");
        return "redirect:/admin/users";
    }

    /** Lock an account (issue 6): no sign-in until unlocked, every session ends; audited and emailed. */
    @PostMapping("/admin/users/{id}/lock")
    String lock(@AuthenticationPrincipal LatchkeyPrincipal admin, @PathVariable long id,
            RedirectAttributes redirect) {
        return act(admin, id, redirect, "admin.users.lockedNow", users::lock);
    }

    /** F-ADMIN-3 "Unlock": the lock and the failure count go; audited and emailed. */
    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@AuthenticationPrincipal LatchkeyPrincipal admin, @PathVariable long id,
            RedirectAttributes redirect) {
        return act(admin, id, redirect, "admin.users.unlocked", users::unlock);
    }

    /**
     * F-ADMIN-3 "Send password reset": a single-use link valid 24 h, to the address the user signs in with; audited.
     * While a new address waits for the user's confirmation, the admin is told the link did not go there.
     */
    @PostMapping("/admin/users/{id}/password-reset")
    String passwordReset(@AuthenticationPrincipal LatchkeyPrincipal admin, @PathVariable long id,
            RedirectAttributes redirect) {
        String notice = managedUser(admin, id).pendingEmail() == null
                ? "admin.users.resetSent"
                : "admin.users.resetSentToConfirmed";
        return act(admin, id, redirect, notice, invitations::sendPasswordReset);
    }

    /** Runs an action on a user this admin manages (user id, admin's email) and goes back with its notice. */
    private String act(LatchkeyPrincipal admin, long id, RedirectAttributes redirect, String notice,
            java.util.function.BiConsumer<Long, String> action) {
        action.accept(managedUser(admin, id).id(), admin.email());
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/admin/users";
    }

    /**
     * A portal user of a site this admin manages, or, for a system admin, another admin; anything else is "not
     * found".
     */
    private UserView managedUser(LatchkeyPrincipal admin, long id) {
        UserView user = users.find(id).orElseThrow(NotFoundException::new);
        if (user.siteId() == null) {
            if (!user.isAdmin() || scope.sites(admin) != null) {
                throw new NotFoundException();
            }
            return user;
        }
        scope.requireManages(admin, user.siteId());
        return user;
    }

    private Realm realmOf(UserView user) {
        return sites.realmOf(user.siteId());
    }
}
