package dev.latchkey.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** F-LOGIN-1: the password step of every site and of the admin site. */
@Controller
class PasswordStepController {

    private final Realms realms;
    private final SignInFlow flow;
    private final SignInSession session;
    private final SecondStepStarter starter;
    private final LoginThrottle throttle;
    private final Clock clock;

    PasswordStepController(Realms realms, SignInFlow flow, SignInSession session, SecondStepStarter starter,
            LoginThrottle throttle, Clock clock) {
        this.realms = realms;
        this.flow = flow;
        this.session = session;
        this.starter = starter;
        this.throttle = throttle;
        this.clock = clock;
    }

    @GetMapping({"/sites/{slug}/login", "/admin/login"})
    String form(@PathVariable(required = false) String slug, Model model) {
        model.addAttribute("realm", realms.resolve(slug));
        return "signin/login";
    }

    @PostMapping({"/sites/{slug}/login", "/admin/login"})
    String submit(
            @PathVariable(required = false) String slug,
            @ModelAttribute LoginForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Realm realm = realms.resolve(slug);
        model.addAttribute("realm", realm);
        if (form.blank() || form.oversized()) {
            return failed(model, response, HttpStatus.BAD_REQUEST, form.blank() ? "signin.blank" : "signin.tooLong");
        }
        if (form.malformed()) {
            return failed(model, response, HttpStatus.BAD_REQUEST, "signin.malformed");
        }
        ClientInfo client = ClientInfo.of(request);
        String accountKey = LoginThrottle.accountKey(realm.key(), form.username());
        String addressKey = LoginThrottle.addressKey(client.ip());
        Optional<Instant> blocked = throttle.blockedUntil(accountKey, addressKey);
        if (blocked.isPresent()) {
            model.addAttribute("username", form.username());
            model.addAttribute("errorArg", Math.max(1, Duration.between(clock.instant(), blocked.get()).toSeconds()));
            return failed(model, response, HttpStatus.TOO_MANY_REQUESTS, "signin.throttled");
        }
        Optional<UserView> user = flow.checkPassword(realm, form.username(), form.password(), client);
        if (user.isEmpty()) {
            throttle.recordFailure(accountKey, addressKey);
            model.addAttribute("username", form.username());
            return failed(model, response, HttpStatus.UNAUTHORIZED, "signin.failed");
        }
        throttle.recordSuccess(accountKey);
        Optional<PendingLogin> secondStep = flow.secondStep(realm, user.get());
        if (secondStep.isEmpty()) {
            String target = session.complete(request, response, realm, user.get());
            flow.signedIn(realm, user.get(), null, client);
            return "redirect:" + target;
        }
        session.beginSecondStep(request, response, secondStep.get());
        return "redirect:" + starter.firstPage(realm, secondStep.get());
    }

    private static String failed(Model model, HttpServletResponse response, HttpStatus status, String messageKey) {
        response.setStatus(status.value());
        model.addAttribute("error", messageKey);
        return "signin/login";
    }
}
