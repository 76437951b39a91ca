package dev.latchkey.signin;

import dev.latchkey.devices.RememberedBrowsers;
import dev.latchkey.mfa.Factor;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.FactorType;
import dev.latchkey.mfa.SendResult;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.shared.web.FormProblems;
import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.sites.Realm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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
    private final ProofGate gate;
    private final RememberedBrowsers browsers;

    SecondStepController(
            Realms realms,
            SignInFlow flow,
            SignInSession session,
            SecondStepStarter starter,
            CodePageModel pages,
            ProofGate gate,
            RememberedBrowsers browsers) {
        this.realms = realms;
        this.flow = flow;
        this.session = session;
        this.starter = starter;
        this.pages = pages;
        this.gate = gate;
        this.browsers = browsers;
    }

    @GetMapping({"/sites/{slug}/login/method", "/admin/login/method"})
    String chooser(@PathVariable(required = false) String slug, HttpServletRequest request, Model model) {
        Realm realm = realms.resolve(slug);
        Optional<PendingLogin> pending = pending(request, realm);
        if (pending.isEmpty()) {
            return restart(realm);
        }
        model.addAttribute("realm", realm);
        model.addAttribute(
                "factors",
                pending.get().availableTypes().stream().map(FactorType::id).toList());
        return "signin/choose";
    }

    @PostMapping({"/sites/{slug}/login/method", "/admin/login/method"})
    String choose(
            @PathVariable(required = false) String slug, @RequestParam String factor, HttpServletRequest request) {
        Realm realm = realms.resolve(slug);
        Optional<PendingLogin> pending = pending(request, realm);
        if (pending.isEmpty()) {
            return restart(realm);
        }
        Optional<FactorType> type = offered(request, realm, pending.get(), factor);
        if (type.isEmpty()) {
            return "redirect:" + elsewhere(realm, pending.get());
        }
        return "redirect:" + starter.start(realm, pending.get(), type.get());
    }

    @GetMapping({"/sites/{slug}/login/" + FACTOR, "/admin/login/" + FACTOR})
    String codePage(
            @PathVariable(required = false) String slug,
            @PathVariable String factor,
            HttpServletRequest request,
            Model model) {
        Realm realm = realms.resolve(slug);
        Optional<PendingLogin> pending = pending(request, realm);
        if (pending.isEmpty()) {
            return restart(realm);
        }
        Optional<FactorType> type = offered(request, realm, pending.get(), factor);
        if (type.isEmpty()) {
            return "redirect:" + elsewhere(realm, pending.get());
        }
        pages.fill(model, realm, pending.get(), type.get(), subject(realm, pending.get()));
        return "signin/code";
    }

    @PostMapping({"/sites/{slug}/login/" + FACTOR, "/admin/login/" + FACTOR})
    String verify(
            @PathVariable(required = false) String slug,
            @PathVariable String factor,
            @Valid @ModelAttribute CodeForm form,
            BindingResult input,
            @RequestParam(defaultValue = "false") boolean remember,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Realm realm = realms.resolve(slug);
        Optional<PendingLogin> pending = pending(request, realm);
        if (pending.isEmpty()) {
            return restart(realm);
        }
        Optional<FactorType> offered = offered(request, realm, pending.get(), factor);
        if (offered.isEmpty()) {
            return "redirect:" + elsewhere(realm, pending.get());
        }
        FactorType type = offered.get();
        FactorSubject subject = subject(realm, pending.get());
        String problem = FormProblems.first(input, CodeForm.MALFORMED);
        if (problem != null) {
            return pages.error(model, response, realm, pending.get(), type, subject, HttpStatus.BAD_REQUEST, problem);
        }
        ClientInfo client = ClientInfo.of(request);
        ProofGate.Outcome outcome = gate.check(
                new ProofGate.Proof(realm, subject.userId(), subject.email(), type.id(), null, client),
                () -> flow.factor(type).verify(subject, form.code()));
        switch (outcome.result()) {
            case LOCKED:
                return locked(request, response, model, realm);
            case THROTTLED:
                return pages.throttled(
                        model,
                        response,
                        realm,
                        pending.get(),
                        type,
                        subject,
                        SendResult.throttledUntil(outcome.until()),
                        "code.tooManyWrong");
            case PASSED:
                return passed(realm, pending.get(), type, subject, client, request, response, redirect, remember);
            default:
                if (session.replacedMeanwhile(request)) {
                    // a double submit whose other half signed in: lead this browser on instead of showing an error
                    return PasswordStepController.lostRace(realm);
                }
                return pages.rejected(model, response, realm, pending.get(), type, subject, outcome.verification());
        }
    }

    /**
     * A right answer: a step-up returns, a forced set-up follows, anything else is signed in, each in a new session.
     */
    private String passed(
            Realm realm,
            PendingLogin pending,
            FactorType type,
            FactorSubject subject,
            ClientInfo client,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect,
            boolean remember) {
        if (pending.stepUp()) {
            return session.completeStepUp(request, response, pending)
                    .map(target -> "redirect:" + target)
                    .orElseGet(() -> PasswordStepController.lostRace(realm));
        }
        if (pending.setupRequired()) {
            return session.continueSecondStep(request, response, pending.withSecondFactorPassed())
                    ? "redirect:" + realm.basePath() + "/login/setup"
                    : PasswordStepController.lostRace(realm);
        }
        var user = flow.user(subject.userId()).orElseThrow();
        Optional<String> target = session.complete(request, response, realm, user, true);
        if (target.isEmpty()) {
            return PasswordStepController.lostRace(realm);
        }
        flow.signedIn(realm, user, type, client);
        browsers.rememberIfAsked(request, response, realm, user.id(), remember);
        if (type == FactorType.BACKUP) {
            redirect.addFlashAttribute("backupCodesLeft", flow.backupCodesLeft(user.id()));
        }
        // told only now, after the second factor: the password alone must not learn that the setup was wiped
        Optional<String> setupRemoved = flow.acknowledgeSetupRemoval(user.id());
        if (setupRemoved.isPresent()) {
            redirect.addFlashAttribute("setupRemovedOn", setupRemoved.get());
            redirect.addFlashAttribute("setupRemovedAfterFactor", true);
            redirect.addFlashAttribute("continueTo", target.get());
            return "redirect:" + realm.basePath() + "/login/setup-removed";
        }
        return "redirect:" + target.get();
    }

    @PostMapping({"/sites/{slug}/login/" + FACTOR + "/resend", "/admin/login/" + FACTOR + "/resend"})
    String resend(
            @PathVariable(required = false) String slug,
            @PathVariable String factor,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Realm realm = realms.resolve(slug);
        Optional<PendingLogin> pending = pending(request, realm);
        if (pending.isEmpty()) {
            return restart(realm);
        }
        Optional<FactorType> offered = offered(request, realm, pending.get(), factor);
        if (offered.isEmpty()) {
            return "redirect:" + elsewhere(realm, pending.get());
        }
        FactorType type = offered.get();
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
    String unavailable(@PathVariable(required = false) String slug, HttpServletRequest request, Model model) {
        Realm realm = realms.resolve(slug);
        model.addAttribute("realm", realm);
        // F-ASSURANCE: the site began to require a passkey during this sign-in, and the user has none yet
        model.addAttribute(
                "passkeyRequired",
                session.pending(request, realm)
                        .filter(pending -> flow.passkeyNowRequired(realm, pending))
                        .isPresent());
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

    /** The pending login of this realm, with the factors the site's policy allows now (F-LOGIN-3). */
    private Optional<PendingLogin> pending(HttpServletRequest request, Realm realm) {
        return session.pending(request, realm).map(pending -> flow.current(realm, pending));
    }

    /**
     * The factor named in the URL, if this login may still use it; empty when the site's policy took it away since the
     * login began. A factor the login was never offered is "not found".
     */
    private Optional<FactorType> offered(HttpServletRequest request, Realm realm, PendingLogin current, String factor) {
        Optional<FactorType> requested = FactorType.fromId(factor);
        boolean everOffered = requested.isPresent()
                && session.pending(request, realm)
                        .map(p -> p.availableTypes().contains(requested.get()))
                        .orElse(false);
        if (!everOffered) {
            throw new NotFoundException();
        }
        return requested.filter(current.availableTypes()::contains);
    }

    /** Where a login goes when the factor in the URL is not (or no longer) one it may use: the others, or none. */
    private static String elsewhere(Realm realm, PendingLogin pending) {
        return realm.basePath() + "/login/" + (pending.availableTypes().isEmpty() ? "unavailable" : "method");
    }

    private static String restart(Realm realm) {
        return "redirect:" + realm.basePath() + "/login?expired";
    }
}
