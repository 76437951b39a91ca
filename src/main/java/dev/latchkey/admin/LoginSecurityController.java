package dev.latchkey.admin;

import dev.latchkey.shared.web.BadInputException;
import dev.latchkey.shared.web.ErrorPage;
import dev.latchkey.shared.web.FormProblems;
import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.MfaMode;
import dev.latchkey.sites.MfaPolicy;
import dev.latchkey.sites.PhishingResistance;
import dev.latchkey.sites.PolicyLockedException;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.SitePolicy;
import dev.latchkey.sites.Sites;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/** F-ADMIN-1 Login &amp; Security: the switches of F-POLICY, for all sites, per site, and for platform logins. */
@Controller
class LoginSecurityController {

    private final MfaPolicy policy;
    private final Sites sites;
    private final AdminScope scope;

    LoginSecurityController(MfaPolicy policy, Sites sites, AdminScope scope) {
        this.policy = policy;
        this.sites = sites;
        this.scope = scope;
    }

    /**
     * Any admin may look: a site admin sees only their own sites' policies, read-only, and not the system-wide
     * switches.
     */
    @GetMapping("/admin/login-security")
    String page(@AuthenticationPrincipal LatchkeyPrincipal admin, Model model) {
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("user", admin);
        model.addAttribute("alwaysOn", policy.alwaysOn());
        model.addAttribute("allSites", policy.allSites());
        model.addAttribute("platform", policy.platform());
        model.addAttribute("sites", scope.visibleSites(admin));
        model.addAttribute("factorNames", Sites.FACTORS);
        model.addAttribute("adminRememberDays", policy.adminRememberDays().orElse(0));
        model.addAttribute("maxRememberDays", MfaPolicy.MAX_REMEMBER_DAYS);
        return "admin/login-security";
    }

    @PostMapping("/admin/login-security")
    @SystemAdminsOnly
    String switches(@AuthenticationPrincipal LatchkeyPrincipal admin, @ModelAttribute MfaSettingsForm form) {
        policy.setAllSites(form.allSitesOn(), admin.email());
        policy.setPlatform(form.platformOn(), admin.email());
        return "redirect:/admin/login-security?saved";
    }

    /**
     * F-DEVICE: how long the admin site remembers a browser (0: off); open under always-on, as it weakens no switch.
     */
    @PostMapping("/admin/login-security/admin-remember")
    @SystemAdminsOnly
    String adminRemember(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @Valid @ModelAttribute AdminRememberForm form,
            BindingResult input) {
        String problem = FormProblems.first(input, AdminRememberForm.PROBLEMS);
        if (problem != null) {
            throw new BadInputException(problem);
        }
        policy.setAdminRememberDays(rememberDays(form.rememberDays()), admin.email());
        return "redirect:/admin/login-security?saved";
    }

    @PostMapping("/admin/login-security/sites/{slug}")
    @SystemAdminsOnly
    String site(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @PathVariable String slug,
            @Valid @ModelAttribute SitePolicyForm form,
            BindingResult input) {
        String problem = FormProblems.first(input, SitePolicyForm.PROBLEMS);
        var site = sites.findBySlug(slug).orElseThrow(NotFoundException::new);
        // under always-on the page shows the mode locked and sends none: MfaPolicy keeps the site required
        MfaMode mode = form.mode() == null && policy.alwaysOn() ? null : parseMode(form.mode());
        Set<String> factors = new HashSet<>(form.factors() == null ? Set.of() : form.factors());
        if (!Sites.FACTORS.containsAll(factors)) {
            throw new BadInputException("admin.policy.badFactor");
        }
        if (problem != null) {
            throw new BadInputException(problem);
        }
        Integer minutes = form.codeTtlMinutes();
        Integer remember = form.rememberDays() == null ? site.rememberDays() : rememberDays(form.rememberDays());
        PhishingResistance resistance =
                form.phishingResistant() == null ? site.phishingResistant() : parseResistance(form.phishingResistant());
        Duration ttl = minutes == null ? null : Duration.ofMinutes(minutes);
        policy.updateSitePolicy(
                site.id(), new SitePolicy(mode, factors, ttl, remember, resistance), null, admin.email());
        return "redirect:/admin/login-security?saved";
    }

    @ExceptionHandler(PolicyLockedException.class)
    ModelAndView locked() {
        return ErrorPage.of(HttpStatus.CONFLICT, "admin.policy.locked");
    }

    /** F-DEVICE: 0 is off; otherwise 1 to the maximum, which the form's constraints checked. */
    private static Integer rememberDays(int days) {
        return days == 0 ? null : days;
    }

    private static PhishingResistance parseResistance(String resistance) {
        try {
            return PhishingResistance.valueOf(resistance.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new BadInputException("admin.policy.badResistance");
        }
    }

    private static MfaMode parseMode(String mode) {
        try {
            return MfaMode.valueOf(mode == null ? "" : mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new BadInputException("admin.policy.badMode");
        }
    }
}
