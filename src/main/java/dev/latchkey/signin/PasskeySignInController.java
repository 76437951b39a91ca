package dev.latchkey.signin;

import dev.latchkey.devices.RememberedBrowsers;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.FactorType;
import dev.latchkey.mfa.passkey.Passkeys;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.shared.web.RetryAfter;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * F-PASSKEY: a passkey as the second step after the password (and as a step-up), and "Sign in with a passkey" without a
 * password, which counts as both factors. Every check goes through {@link ProofGate}, like a code.
 */
@Controller
class PasskeySignInController {

    private static final String SITE = "/sites/{slug}/login/";
    private static final String ADMIN = "/admin/login/";
    /** The session attribute that binds a passwordless challenge to this browser. */
    static final String BINDING = PasskeySignInController.class.getName() + ".binding";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Realms realms;
    private final SignInFlow flow;
    private final SignInSession session;
    private final ProofGate gate;
    private final Passkeys passkeys;
    private final PasskeyAnswers answers;
    private final RememberedBrowsers browsers;
    private final LoginThrottle throttle;
    private final java.time.Clock clock;

    PasskeySignInController(
            Realms realms,
            SignInFlow flow,
            SignInSession session,
            ProofGate gate,
            Passkeys passkeys,
            PasskeyAnswers answers,
            RememberedBrowsers browsers,
            LoginThrottle throttle,
            java.time.Clock clock) {
        this.browsers = browsers;
        this.throttle = throttle;
        this.clock = clock;
        this.realms = realms;
        this.flow = flow;
        this.session = session;
        this.gate = gate;
        this.passkeys = passkeys;
        this.answers = answers;
    }

    @GetMapping({SITE + "passkey", ADMIN + "passkey"})
    String page(@PathVariable(required = false) String slug, HttpServletRequest request, Model model) {
        Realm realm = realms.resolve(slug);
        Optional<PendingLogin> pending = pending(request, realm);
        if (pending.isEmpty()) {
            return "redirect:" + realm.basePath() + "/login?expired";
        }
        if (!pending.get().availableTypes().contains(FactorType.PASSKEY)) {
            return "redirect:" + realm.basePath() + "/login/"
                    + (pending.get().availableTypes().isEmpty() ? "unavailable" : "method");
        }
        model.addAttribute("realm", realm);
        model.addAttribute(
                "others",
                pending.get().availableTypes().stream()
                        .filter(t -> t != FactorType.PASSKEY)
                        .map(FactorType::id)
                        .toList());
        flow.setupRemovedNotice(pending.get()).ifPresent(on -> model.addAttribute("setupRemovedOn", on));
        // F-DEVICE: offered where this passkey completes a sign-in, as on the code page
        boolean completes = !pending.get().stepUp() && !pending.get().setupRequired();
        model.addAttribute(
                "rememberDays",
                completes ? browsers.offeredDays(realm, pending.get().userId()).orElse(null) : null);
        return "signin/passkey";
    }

    @PostMapping({SITE + "passkey/options", ADMIN + "passkey/options"})
    ResponseEntity<?> options(@PathVariable(required = false) String slug, HttpServletRequest request) {
        Realm realm = realms.resolve(slug);
        Optional<PendingLogin> pending =
                pending(request, realm).filter(p -> p.availableTypes().contains(FactorType.PASSKEY));
        if (pending.isEmpty()) {
            return answers.error(HttpStatus.BAD_REQUEST, "passkey.error.expired");
        }
        return PasskeyAnswers.options(passkeys.requestOptions(
                realm, pending.get().userId(), pending.get().loginId(), Passkeys.originOf(request)));
    }

    @PostMapping({SITE + "passkey", ADMIN + "passkey"})
    ResponseEntity<Map<String, String>> verify(
            @PathVariable(required = false) String slug,
            @RequestParam(defaultValue = "false") boolean remember,
            HttpServletRequest request,
            HttpServletResponse response) {
        Realm realm = realms.resolve(slug);
        Optional<PendingLogin> pending =
                pending(request, realm).filter(p -> p.availableTypes().contains(FactorType.PASSKEY));
        if (pending.isEmpty()) {
            return session.replacedMeanwhile(request)
                    ? PasskeyAnswers.goTo(realm.basePath() + "/")
                    : answers.error(HttpStatus.BAD_REQUEST, "passkey.error.expired");
        }
        Optional<String> body = PasskeyAnswers.body(request);
        if (body.isEmpty()) {
            return answers.error(HttpStatus.BAD_REQUEST, "passkey.error.malformed");
        }
        FactorSubject subject = flow.subject(realm, pending.get()).orElseThrow(NotFoundException::new);
        ClientInfo client = ClientInfo.of(request);
        ProofGate.Outcome outcome = gate.check(
                new ProofGate.Proof(realm, subject.userId(), subject.email(), FactorType.PASSKEY.id(), null, client),
                () -> flow.factor(FactorType.PASSKEY).verify(subject, body.get()));
        if (!outcome.passed()) {
            return answers.refused(outcome, request, response, realm);
        }
        UserView user = flow.user(subject.userId()).orElseThrow(NotFoundException::new);
        return answers.passed(realm, pending.get(), user, client, request, response, remember);
    }

    /** Passwordless: options without a user, bound to this browser's session. */
    @PostMapping({SITE + "passkey-signin/options", ADMIN + "passkey-signin/options"})
    ResponseEntity<?> passwordlessOptions(@PathVariable(required = false) String slug, HttpServletRequest request) {
        Realm realm = realms.resolve(slug);
        if (!flow.passwordlessOffered(realm)) {
            throw new NotFoundException();
        }
        // one binding per browser session, and one live challenge per binding (PasskeyChallenges#issue): asking again
        // replaces the challenge instead of adding rows
        HttpSession browser = request.getSession();
        String binding = browser.getAttribute(BINDING) instanceof String known ? known : null;
        if (binding == null) {
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            binding = HexFormat.of().formatHex(bytes);
            browser.setAttribute(BINDING, binding);
        }
        return PasskeyAnswers.options(passkeys.requestOptions(realm, null, binding, Passkeys.originOf(request)));
    }

    @PostMapping({SITE + "passkey-signin", ADMIN + "passkey-signin"})
    ResponseEntity<Map<String, String>> passwordless(
            @PathVariable(required = false) String slug, HttpServletRequest request, HttpServletResponse response) {
        Realm realm = realms.resolve(slug);
        if (!flow.passwordlessOffered(realm)) {
            throw new NotFoundException();
        }
        HttpSession browser = request.getSession(false);
        if (browser == null || !(browser.getAttribute(BINDING) instanceof String binding)) {
            return session.replacedMeanwhile(request)
                    ? PasskeyAnswers.goTo(realm.basePath() + "/")
                    : answers.error(HttpStatus.BAD_REQUEST, "passkey.error.expired");
        }
        Optional<String> body = PasskeyAnswers.body(request);
        if (body.isEmpty()) {
            return answers.error(HttpStatus.BAD_REQUEST, "passkey.error.malformed");
        }
        ClientInfo client = ClientInfo.of(request);
        // a passkey of nobody here counts against the network it came from, as a wrong password does: the address's
        // throttle of the password step, so guessing by passkey and by password share one budget
        String addressKey = LoginThrottle.addressKey(client.ip());
        String passkeyKey = "passkey:" + addressKey;
        Optional<java.time.Instant> blocked = throttle.reserve(passkeyKey, addressKey);
        if (blocked.isPresent()) {
            RetryAfter.set(response, clock.instant(), blocked.get());
            return answers.error(HttpStatus.TOO_MANY_REQUESTS, "passkey.error.wait");
        }
        // whose passkey it claims to be decides whose failures count; one of no user of this site counts for nobody
        Optional<UserView> user = passkeys.claimedUser(realm, body.get()).flatMap(flow::user);
        if (user.isEmpty()) {
            // the reservation stands as the failure
            return answers.error(HttpStatus.UNAUTHORIZED, "passkey.error.unknown");
        }
        // a passkey of a user of this site, but only claimed until its signature checks: a failure stays charged to
        // the network (the reservation above), never to the account (ProofGate#checkClaimed)
        if (!flow.passwordlessAllowed(realm, user.get())) {
            throttle.release(passkeyKey, addressKey);
            return answers.error(HttpStatus.FORBIDDEN, "passkey.error.notAllowed");
        }
        String origin = Passkeys.originOf(request);
        ProofGate.Outcome outcome = gate.checkClaimed(
                new ProofGate.Proof(
                        realm, user.get().id(), user.get().email(), FactorType.PASSKEY.id(), "passwordless", client),
                () -> passkeys.verify(realm, null, binding, body.get(), origin).verification());
        if (!outcome.passed()) {
            boolean wrong = outcome.result() == ProofGate.Result.REJECTED
                    && outcome.verification().countsAsFailure();
            if (!wrong) {
                // never checked (locked, in a delay, malformed, an expired challenge): nothing of this network's
                throttle.release(passkeyKey, addressKey);
            }
            return answers.refused(outcome, request, response, realm);
        }
        throttle.succeeded(passkeyKey, addressKey);
        return answers.signIn(realm, user.get(), client, request, response);
    }

    /** The pending login of this realm, with the factors the site's policy allows now (F-LOGIN-3). */
    private Optional<PendingLogin> pending(HttpServletRequest request, Realm realm) {
        return session.pending(request, realm).map(pending -> flow.current(realm, pending));
    }
}
