package dev.latchkey.users;

import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.shared.web.RetryAfter;
import dev.latchkey.sites.Realm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * F-ACCOUNT-1 pages: "Forgot password?" ({@code /forgot-password}) and the emailed link's page
 * ({@code /password-reset/{token}}), on every site and on the admin site. The rules are {@link PasswordResets}'.
 */
@Controller
@NewPasswordFields
class PasswordResetController {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetController.class);

    private final LinkPages pages;
    private final PasswordResets resets;
    private final ResetProperties properties;
    private final Clock clock;

    PasswordResetController(LinkPages pages, PasswordResets resets, ResetProperties properties, Clock clock) {
        this.pages = pages;
        this.resets = resets;
        this.properties = properties;
        this.clock = clock;
    }

    @ModelAttribute("linkMinutes")
    long linkMinutes() {
        return properties.linkLifetime().toMinutes();
    }

    @GetMapping({"/sites/{slug}/forgot-password", "/admin/forgot-password"})
    String form(@PathVariable(required = false) String slug, Model model) {
        pages.realm(slug, model);
        return "signin/forgot";
    }

    @PostMapping({"/sites/{slug}/forgot-password", "/admin/forgot-password"})
    String request(
            @PathVariable(required = false) String slug,
            @ModelAttribute ForgotPasswordForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Realm realm = pages.realm(slug, model);
        if (!PasswordResets.plausibleEmail(form.email())) {
            log.info("Refused a password reset request of {}: not an email address", realm.key());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "forgot.notAnEmail");
            return "signin/forgot";
        }
        try {
            resets.request(realm, form.email(), ClientInfo.of(request));
        } catch (PasswordResets.TooManyRequests tooMany) {
            Duration wait = Duration.between(clock.instant(), tooMany.until());
            log.info("Refused a password reset request of {}: too many from one network", realm.key());
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            RetryAfter.set(response, wait);
            model.addAttribute("error", "forgot.tooMany");
            model.addAttribute("errorArg", RetryAfter.minutes(wait));
            return "signin/forgot";
        }
        return "redirect:" + realm.basePath() + "/forgot-password?sent";
    }

    @GetMapping({"/sites/{slug}/password-reset/{token}", "/admin/password-reset/{token}"})
    String resetForm(
            @PathVariable(required = false) String slug,
            @PathVariable String token,
            HttpServletResponse response,
            Model model) {
        Realm realm = pages.tokenPage(slug, model, response);
        if (!resets.isUsable(realm, token)) {
            return unusable(response);
        }
        model.addAttribute("token", token);
        return "signin/reset";
    }

    @PostMapping({"/sites/{slug}/password-reset/{token}", "/admin/password-reset/{token}"})
    String reset(
            @PathVariable(required = false) String slug,
            @PathVariable String token,
            @ModelAttribute ResetPasswordForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Realm realm = pages.tokenPage(slug, model, response);
        if (!resets.isUsable(realm, token)) {
            return unusable(response);
        }
        var problem = resets.passwordProblem(realm, token, form.password(), form.confirm());
        if (problem.isPresent()) {
            log.info("Refused a new password on a reset link of {}: {}", realm.key(), problem.get());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", problem.get());
            model.addAttribute("token", token);
            return "signin/reset";
        }
        if (!resets.reset(realm, token, form.password(), ClientInfo.of(request))) {
            return unusable(response);
        }
        return "redirect:" + realm.basePath() + "/login?passwordReset";
    }

    private static String unusable(HttpServletResponse response) {
        return LinkPages.gone(response, "signin/reset-unusable");
    }
}
