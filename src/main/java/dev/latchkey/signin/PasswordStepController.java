package dev.latchkey.signin;

import dev.latchkey.devices.RememberedBrowsers;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.shared.web.FormProblems;
import dev.latchkey.shared.web.RetryAfter;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** F-LOGIN-1: the password step of every site and of the admin site. */
@Controller
class PasswordStepController {

    private final Realms realms;
    private final SignInFlow flow;
    private final SignInSession session;
    private final SecondStepStarter starter;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final RememberedBrowsers browsers;

    PasswordStepController(
            Realms realms,
            SignInFlow flow,
            SignInSession session,
            SecondStepStarter starter,
            LoginThrottle throttle,
            Clock clock,
            RememberedBrowsers browsers) {
        this.realms = realms;
        this.flow = flow;
        this.session = session;
        this.starter = starter;
        this.throttle = throttle;
        this.clock = clock;
        this.browsers = browsers;
    }

    @GetMapping({"/sites/{slug}/login", "/admin/login"})
    String form(@PathVariable(required = false) String slug, Model model) {
        model.addAttribute("realm", realms.resolve(slug));
        return "signin/login";
    }

    @PostMapping({"/sites/{slug}/login", "/admin/login"})
    String submit(
            @PathVariable(required = false) String slug,
            @Valid @ModelAttribute LoginForm form,
            BindingResult input,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Realm realm = realms.resolve(slug);
        model.addAttribute("realm", realm);
        String problem = FormProblems.first(input, LoginForm.PROBLEMS);
        if (problem != null) {
            return failed(model, response, HttpStatus.BAD_REQUEST, problem);
        }
        ClientInfo client = ClientInfo.of(request);
        String accountKey = LoginThrottle.accountKey(realm.key(), form.username());
        String addressKey = LoginThrottle.addressKey(client.ip());
        // reserved before the slow hash: a burst of simultaneous guesses is counted as it arrives
        Optional<Instant> blocked = throttle.reserve(accountKey, addressKey);
        if (blocked.isPresent()) {
            long seconds = RetryAfter.set(response, clock.instant(), blocked.get());
            model.addAttribute("username", form.username());
            model.addAttribute("errorArg", seconds);
            return failed(model, response, HttpStatus.TOO_MANY_REQUESTS, "signin.throttled");
        }
        Optional<UserView> user;
        try {
            user = flow.checkPassword(realm, form.username(), form.password(), client);
        } catch (RuntimeException unchecked) {
            // too busy to hash (429), or anything else that kept the password from being checked: nothing counts
            throttle.release(accountKey, addressKey);
            throw unchecked;
        }
        if (user.isEmpty()) {
            // the reservation stands as the failure
            model.addAttribute("username", form.username());
            return failed(model, response, HttpStatus.UNAUTHORIZED, "signin.failed");
        }
        throttle.succeeded(accountKey, addressKey);
        Optional<PendingLogin> secondStep = flow.secondStep(realm, user.get());
        // F-DEVICE: a remembered browser skips the second factor (the service decides), never the password
        boolean remembered = secondStep.isPresent()
                && browsers.skipsSecondFactor(
                        request, realm, user.get().id(), secondStep.get().setupRequired());
        if (secondStep.isEmpty() || remembered) {
            Optional<String> target = session.complete(request, response, realm, user.get(), false);
            if (target.isEmpty()) {
                return lostRace(realm);
            }
            if (remembered) {
                flow.signedInRemembered(realm, user.get(), client);
            } else {
                flow.signedIn(realm, user.get(), null, client);
            }
            Optional<String> setupRemoved =
                    flow.acknowledgeSetupRemoval(user.get().id());
            if (setupRemoved.isPresent()) {
                // no second-step page to tell it on: a page of its own, once, before going on
                redirect.addFlashAttribute("setupRemovedOn", setupRemoved.get());
                redirect.addFlashAttribute("continueTo", target.get());
                return "redirect:" + realm.basePath() + "/login/setup-removed";
            }
            return "redirect:" + target.get();
        }
        if (!session.beginSignIn(request, response, secondStep.get())) {
            return lostRace(realm);
        }
        return "redirect:" + starter.firstPage(realm, secondStep.get());
    }

    /**
     * F-ADMIN-3: after a sign-in with the password alone, the news that an admin deleted the user's 2FA setup. Shown
     * once: its content lives only in the flash attributes of the redirect that leads here.
     */
    @GetMapping({"/sites/{slug}/login/setup-removed", "/admin/login/setup-removed"})
    String setupRemoved(@PathVariable(required = false) String slug, Model model) {
        Realm realm = realms.resolve(slug);
        if (!model.containsAttribute("setupRemovedOn") || !(model.getAttribute("continueTo") instanceof String)) {
            return "redirect:" + realm.basePath() + "/";
        }
        model.addAttribute("realm", realm);
        return "signin/setup-removed";
    }

    /**
     * A simultaneous request of the same session (a double click, a retried POST) took the step first and replaced the
     * session; this one changes nothing. The realm's home leads the browser on with whichever cookie it kept.
     */
    static String lostRace(Realm realm) {
        return "redirect:" + realm.basePath() + "/";
    }

    private static String failed(Model model, HttpServletResponse response, HttpStatus status, String messageKey) {
        response.setStatus(status.value());
        model.addAttribute("error", messageKey);
        return "signin/login";
    }
}
