package dev.latchkey.signin;

import java.time.Instant;
import java.util.Optional;
import dev.latchkey.mfa.Factor;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.FactorType;
import dev.latchkey.mfa.SendResult;
import dev.latchkey.mfa.Verification;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.sites.Realm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** F-LOGIN-2/3 and F-CODE: choosing a factor, the code page, verifying, resending. */
@Controller
class SecondStepController {

    private static final String FACTOR = "{factor:email|sms|totp|backup}";

    private final Realms realms;
    private final SignInFlow flow;
    private final SignInSession session;
    private final SecondStepStarter starter;
    private final CodePageModel pages;

    SecondStepController(
            Realms realms, SignInFlow flow, SignInSession session, SecondStepStarter starter, CodePageModel pages) {
        this.realms = realms;
        this.flow = flow;
        this.session = session;
        this.starter = starter;
        this.pages = pages;
    }

    @GetMapping({"/sites/{slug}/login/method", "/admin/login/method"})
    String chooser(@PathVariable(required = false) String slug, HttpServletRequest request, Model model) {
        Realm realm = realms.resolve(slug);
        Optional<PendingLogin> pending = session.pending(request, realm);
        if (pending.isEmpty()) {
            return restart(realm);
        }
        model.addAttribute("realm", realm);
        model.addAttribute("factors", pending.get().available());
        return "signin/choose";
    }

    @PostMapping({"/sites/{slug}/login/method", "/admin/login/method"})
    String choose(
            @PathVariable(required = false) String slug, @RequestParam String factor, HttpServletRequest request) {
        Realm realm = realms.resolve(slug);
        Optional<PendingLogin> pending = session.pending(request, realm);
        if (pending.isEmpty()) {
            return restart(realm);
        }
        FactorType type = offered(pending.get(), factor);
        return "redirect:" + starter.start(realm, pending.get(), type);
    }

    @GetMapping({"/sites/{slug}/login/" + FACTOR, "/admin/login/" + FACTOR})
    String codePage(
            @PathVariable(required = false) String slug,
            @PathVariable String factor,
            HttpServletRequest request,
            Model model) {
        Realm realm = realms.resolve(slug);
        Optional<PendingLogin> pending = session.pending(request, realm);
        if (pending.isEmpty()) {
            return restart(realm);
        }
        FactorType type = offered(pending.get(), factor);
        pages.fill(model, realm, pending.get(), type, subject(realm, pending.get()));
        return "signin/code";
    }

    @PostMapping({"/sites/{slug}/login/" + FACTOR, "/admin/login/" + FACTOR})
    String verify(
            @PathVariable(required = false) String slug,
            @PathVariable String factor,
            @ModelAttribute CodeForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Realm realm = realms.resolve(slug);
        Optional<PendingLogin> pending = session.pending(request, realm);
        if (pending.isEmpty()) {
            return restart(realm);
        }
        FactorType type = offered(pending.get(), factor);
        FactorSubject subject = subject(realm, pending.get());
        if (form.oversized()) {
            return pages.error(model, response, realm, pending.get(), type, subject, HttpStatus.BAD_REQUEST,
                    "code.malformed");
        }
        if (flow.locked(subject.userId())) {
            return locked(request, response, model, realm);
        }
        Optional<Instant> wait = flow.secondFactorBlockedUntil(subject.userId());
        if (wait.isPresent()) {
            return pages.throttled(model, response, realm, pending.get(), type, subject,
                    SendResult.throttledUntil(wait.get()), "code.tooManyWrong");
        }
        Verification result = flow.verify(subject, type, form.code(), ClientInfo.of(request));
        if (result.accepted()) {
            if (pending.get().stepUp()) {
                return "redirect:" + session.completeStepUp(request, response, pending.get());
            }
            if (pending.get().setupRequired()) {
                session.beginSecondStep(request, response, pending.get().withSecondFactorPassed());
                return "redirect:" + realm.basePath() + "/login/setup";
            }
            var user = flow.user(subject.userId()).orElseThrow();
            String target = session.complete(request, response, realm, user);
            session.secondFactorPassed(request);
            flow.signedIn(realm, user, type.id(), ClientInfo.of(request));
            if (type == FactorType.BACKUP) {
                redirect.addFlashAttribute("backupCodesLeft", flow.backupCodesLeft(user.id()));
            }
            return "redirect:" + target;
        }
        if (flow.locked(subject.userId())) {
            return locked(request, response, model, realm);
        }
        return pages.rejected(model, response, realm, pending.get(), type, subject, result);
    }

    @PostMapping({"/sites/{slug}/login/" + FACTOR + "/resend", "/admin/login/" + FACTOR + "/resend"})
    String resend(
            @PathVariable(required = false) String slug,
            @PathVariable String factor,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Realm realm = realms.resolve(slug);
        Optional<PendingLogin> pending = session.pending(request, realm);
        if (pending.isEmpty()) {
            return restart(realm);
        }
        FactorType type = offered(pending.get(), factor);
        Factor chosen = flow.factor(type);
        if (!chosen.sendsCode()) {
            throw new NotFoundException();
        }
        FactorSubject subject = subject(realm, pending.get());
        SendResult sent = flow.send(subject, type);
        if (!sent.sent()) {
            return pages.throttled(model, response, realm, pending.get(), type, subject, sent, "code.throttled");
        }
        return "redirect:" + realm.basePath() + "/login/" + type.id() + "?resent";
    }

    @GetMapping({"/sites/{slug}/login/unavailable", "/admin/login/unavailable"})
    String unavailable(@PathVariable(required = false) String slug, Model model) {
        model.addAttribute("realm", realms.resolve(slug));
        return "signin/unavailable";
    }

    private String locked(HttpServletRequest request, HttpServletResponse response, Model model, Realm realm) {
        session.abandon(request);
        model.addAttribute("realm", realm);
        model.addAttribute("error", "signin.locked");
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "signin/login";
    }

    private FactorSubject subject(Realm realm, PendingLogin pending) {
        return flow.subject(realm, pending).orElseThrow(NotFoundException::new);
    }

    /** The factor named in the URL, if this login may use it; anything else is "not found". */
    private static FactorType offered(PendingLogin pending, String factor) {
        if (!pending.available().contains(factor)) {
            throw new NotFoundException();
        }
        return FactorType.fromId(factor).orElseThrow(NotFoundException::new);
    }

    private static String restart(Realm realm) {
        return "redirect:" + realm.basePath() + "/login?expired";
    }
}
