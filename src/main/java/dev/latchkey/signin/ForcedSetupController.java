package dev.latchkey.signin;

import dev.latchkey.mfa.FactorType;
import dev.latchkey.mfa.TypedCode;
import dev.latchkey.mfa.Verification;
import dev.latchkey.mfa.totp.AuthenticatorStatus;
import dev.latchkey.mfa.totp.Authenticators;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.shared.web.RetryAfter;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * F-POLICY-4: a user flagged "2FA required" without an authenticator sets one up inside the sign-in, before any portal
 * page; confirming the app's first code completes the sign-in. Where the site requires phishing-resistant sign-in
 * (F-ASSURANCE) the set-up is a passkey instead, registered through {@link PasskeySetupController}.
 */
@Controller
class ForcedSetupController {

    private final Realms realms;
    private final SignInSession session;
    private final SignInFlow flow;
    private final Authenticators authenticators;
    private final ProofGate gate;
    private final Clock clock;
    private final SecondStepStarter starter;

    ForcedSetupController(
            Realms realms,
            SignInSession session,
            SignInFlow flow,
            Authenticators authenticators,
            ProofGate gate,
            Clock clock,
            SecondStepStarter starter) {
        this.realms = realms;
        this.session = session;
        this.flow = flow;
        this.authenticators = authenticators;
        this.gate = gate;
        this.clock = clock;
        this.starter = starter;
    }

    @GetMapping({"/sites/{slug}/login/setup", "/admin/login/setup"})
    String page(@PathVariable(required = false) String slug, HttpServletRequest request, Model model) {
        Realm realm = realms.resolve(slug);
        Optional<PendingLogin> current = pending(request, realm);
        Optional<PendingLogin> pending = current.filter(PendingLogin::readyForSetup);
        if (pending.isEmpty()) {
            // F-ASSURANCE: a set-up the site's new policy took away leads to the passkey, or to why there is none
            boolean takenAway = current.isPresent()
                    && !current.get().setupRequired()
                    && session.pending(request, realm)
                            .filter(PendingLogin::setupRequired)
                            .isPresent();
            return "redirect:"
                    + (takenAway ? starter.firstPage(realm, current.get()) : realm.basePath() + "/login?expired");
        }
        if (pending.get().passkeySetup()) {
            // F-ASSURANCE: the site requires a passkey, so that is what is set up (PasskeySetupController)
            model.addAttribute("realm", realm);
            flow.setupRemovedNotice(pending.get()).ifPresent(on -> model.addAttribute("setupRemovedOn", on));
            return "signin/passkey-setup";
        }
        return show(
                model, realm, pending.get(), flow.user(pending.get().userId()).orElseThrow());
    }

    @PostMapping({"/sites/{slug}/login/setup", "/admin/login/setup"})
    String confirm(
            @PathVariable(required = false) String slug,
            @ModelAttribute CodeForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Realm realm = realms.resolve(slug);
        // an authenticator app is no way around a required passkey, nor one the site began to require meanwhile
        Optional<PendingLogin> pending =
                pending(request, realm).filter(PendingLogin::readyForSetup).filter(p -> !p.passkeySetup());
        if (pending.isEmpty()) {
            return "redirect:" + realm.basePath() + "/login?expired";
        }
        UserView user = flow.user(pending.get().userId()).orElseThrow();
        String code = TypedCode.authenticatorCode(form.code(), CodeForm.MAX_LENGTH);
        ClientInfo client = ClientInfo.of(request);
        // the same gate as every other second factor: delays, the count, the audit log, the alert, the lock at 100
        ProofGate.Outcome outcome = gate.check(
                new ProofGate.Proof(realm, user.id(), user.email(), FactorType.TOTP.id(), "setup", client),
                () -> confirm(realm, user, code));
        switch (outcome.result()) {
            case LOCKED:
                session.abandon(request);
                model.addAttribute("realm", realm);
                model.addAttribute("error", "signin.locked");
                response.setStatus(HttpStatus.FORBIDDEN.value());
                return "signin/login";
            case THROTTLED:
                RetryAfter.set(response, clock.instant(), outcome.until());
                model.addAttribute("error", "totp.confirm.wait");
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                return show(model, realm, pending.get(), user);
            case MALFORMED:
                model.addAttribute("error", "totp.confirm.wrong");
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                return show(model, realm, pending.get(), user);
            case REJECTED:
                model.addAttribute("error", "totp.confirm.wrong");
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
                return show(model, realm, pending.get(), user);
            default:
                Optional<String> target = session.complete(request, response, realm, user, true);
                if (target.isEmpty()) {
                    return PasswordStepController.lostRace(realm);
                }
                flow.signedIn(realm, user, FactorType.TOTP, client);
                flow.acknowledgeSetupRemoval(user.id()); // told on the pages of this sign-in
                return "redirect:" + target.get();
        }
    }

    /** A disabled authenticator is turned back on with its own code; a new one is confirmed with its first code. */
    private Verification confirm(Realm realm, UserView user, String code) {
        if (!Authenticators.wellFormed(code)) {
            return Verification.of(Verification.Outcome.MALFORMED);
        }
        boolean turnedOff = authenticators.status(user.id()) == AuthenticatorStatus.DISABLED;
        boolean done = turnedOff
                ? authenticators.reenable(realm, user.id(), code)
                : authenticators.confirm(realm, user.id(), code);
        return Verification.of(done ? Verification.Outcome.ACCEPTED : Verification.Outcome.REJECTED);
    }

    /** The pending login of this realm as the site's policy has it now (F-LOGIN-3, F-ASSURANCE). */
    private Optional<PendingLogin> pending(HttpServletRequest request, Realm realm) {
        return session.pending(request, realm).map(pending -> flow.current(realm, pending));
    }

    private String show(Model model, Realm realm, PendingLogin pending, UserView user) {
        model.addAttribute("realm", realm);
        model.addAttribute("forced", true);
        flow.setupRemovedNotice(pending).ifPresent(on -> model.addAttribute("setupRemovedOn", on));
        model.addAttribute("confirmAction", realm.basePath() + "/login/setup");
        // a disabled authenticator is turned back on with its own code; anything else gets a new secret to scan
        authenticators
                .enrolment(user.id(), realm.name(), user.email())
                .ifPresentOrElse(
                        enrolment -> model.addAttribute("enrolment", enrolment),
                        () -> model.addAttribute("reenable", true));
        return "totp/enrol";
    }
}
