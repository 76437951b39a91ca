package dev.latchkey.portal;

import dev.latchkey.mfa.TypedCode;
import dev.latchkey.mfa.Verification;
import dev.latchkey.mfa.backup.BackupCodes;
import dev.latchkey.mfa.totp.Authenticators;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.shared.web.RetryAfter;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.signin.ProofGate;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.NewPasswordFields;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** F-TOTP-1/3: enable (scan and Check), disable, re-enable and delete the authenticator app. */
@Controller
@NewPasswordFields
class AuthenticatorController {

    private static final String SITE = "/sites/{slug}/account/security/totp";
    private static final String ADMIN = "/admin/account/security/totp";
    private static final int MAX_CREDENTIAL = 1024;
    private static final int MAX_CODE = 64;

    private final AccountRealm realms;
    private final Users users;
    private final Authenticators authenticators;
    private final BackupCodes backupCodes;
    private final SecurityPageModel page;
    private final ProofGate gate;
    private final Clock clock;

    AuthenticatorController(
            AccountRealm realms,
            Users users,
            Authenticators authenticators,
            BackupCodes backupCodes,
            SecurityPageModel page,
            ProofGate gate,
            Clock clock) {
        this.realms = realms;
        this.users = users;
        this.authenticators = authenticators;
        this.backupCodes = backupCodes;
        this.page = page;
        this.gate = gate;
        this.clock = clock;
    }

    @PostMapping({SITE + "/enable", ADMIN + "/enable"})
    String enable(
            @PathVariable(required = false) String slug,
            @AuthenticationPrincipal LatchkeyPrincipal me,
            HttpServletResponse response,
            Model model) {
        Realm realm = realms.of(slug);
        if (!realms.enrolmentOffered(realm) && !required(me)) {
            return refused(response, model, realm, me, HttpStatus.FORBIDDEN, "security.enrolmentOff");
        }
        return "redirect:" + realm.basePath() + "/account/security/totp";
    }

    @GetMapping({SITE, ADMIN})
    String enrol(
            @PathVariable(required = false) String slug, @AuthenticationPrincipal LatchkeyPrincipal me, Model model) {
        Realm realm = realms.of(slug);
        if (!realms.enrolmentOffered(realm) && !required(me)) {
            return "redirect:" + realm.basePath() + "/account/security";
        }
        var enrolment = authenticators.enrolment(me.userId(), realm.name(), me.email());
        if (enrolment.isEmpty()) {
            return "redirect:" + realm.basePath() + "/account/security";
        }
        model.addAttribute("realm", realm);
        model.addAttribute("user", me);
        model.addAttribute("enrolment", enrolment.get());
        model.addAttribute("confirmAction", realm.basePath() + "/account/security/totp/confirm");
        return "totp/enrol";
    }

    @PostMapping({SITE + "/confirm", ADMIN + "/confirm"})
    String confirm(
            @PathVariable(required = false) String slug,
            @AuthenticationPrincipal LatchkeyPrincipal me,
            @RequestParam(defaultValue = "") String code,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Realm realm = realms.of(slug);
        if (!authenticators.confirm(realm, me.userId(), TypedCode.authenticatorCode(code, MAX_CODE))) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("error", "totp.confirm.wrong");
            return enrol(slug, me, model);
        }
        return done(realm, redirect, "security.totp.enabled");
    }

    @PostMapping({SITE + "/disable", ADMIN + "/disable"})
    String disable(
            @PathVariable(required = false) String slug,
            @AuthenticationPrincipal LatchkeyPrincipal me,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Realm realm = realms.of(slug);
        if (required(me)) {
            return refused(response, model, realm, me, HttpStatus.FORBIDDEN, "security.required");
        }
        Optional<String> stepUp = page.stepUpFirst(request, response, realm, me);
        if (stepUp.isPresent()) {
            return "redirect:" + stepUp.get();
        }
        String answer = TypedCode.authenticatorCode(code, MAX_CODE);
        ProofGate.Outcome proof = gate.check(
                proof(realm, me, request, "totp", "disable authenticator"), () -> codeOrBackupCode(realm, me, answer));
        if (!proof.passed()) {
            return refused(response, model, realm, me, proof, "security.codeWrong");
        }
        authenticators.disable(realm, me.userId(), me.email());
        return done(realm, redirect, "security.totp.disabled");
    }

    @PostMapping({SITE + "/reenable", ADMIN + "/reenable"})
    String reenable(
            @PathVariable(required = false) String slug,
            @AuthenticationPrincipal LatchkeyPrincipal me,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Realm realm = realms.of(slug);
        String answer = TypedCode.authenticatorCode(code, MAX_CODE);
        ProofGate.Outcome proof = gate.check(
                proof(realm, me, request, "totp", "re-enable authenticator"),
                () -> !Authenticators.wellFormed(answer)
                        ? Verification.of(Verification.Outcome.MALFORMED)
                        : accepted(authenticators.reenable(realm, me.userId(), answer)));
        if (!proof.passed()) {
            return refused(response, model, realm, me, proof, "security.codeWrong");
        }
        return done(realm, redirect, "security.totp.enabled");
    }

    /** Delete needs a current code, a backup code, or the password. */
    @PostMapping({SITE + "/delete", ADMIN + "/delete"})
    String delete(
            @PathVariable(required = false) String slug,
            @AuthenticationPrincipal LatchkeyPrincipal me,
            @RequestParam(defaultValue = "") String credential,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Realm realm = realms.of(slug);
        if (required(me)) {
            return refused(response, model, realm, me, HttpStatus.FORBIDDEN, "security.required");
        }
        Optional<String> stepUp = page.stepUpFirst(request, response, realm, me);
        if (stepUp.isPresent()) {
            return "redirect:" + stepUp.get();
        }
        ProofGate.Outcome proof = gate.check(proof(realm, me, request, "credential", "delete authenticator"), () -> {
            if (credential.isBlank() || credential.length() > MAX_CREDENTIAL) {
                return Verification.of(Verification.Outcome.MALFORMED);
            }
            Verification code = codeOrBackupCode(realm, me, TypedCode.authenticatorCode(credential, MAX_CODE));
            return code.accepted() ? code : accepted(users.passwordMatches(me.userId(), credential));
        });
        if (!proof.passed()) {
            return refused(response, model, realm, me, proof, "security.credentialWrong");
        }
        authenticators.delete(realm, me.userId(), me.email());
        return done(realm, redirect, "security.totp.deleted");
    }

    private boolean required(LatchkeyPrincipal me) {
        return users.find(me.userId()).map(UserView::mfaRequired).orElse(true);
    }

    private static String done(Realm realm, RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + realm.basePath() + "/account/security";
    }

    /** A current authenticator code or an unused backup code, whichever the answer is shaped like. */
    private Verification codeOrBackupCode(Realm realm, LatchkeyPrincipal me, String answer) {
        if (Authenticators.wellFormed(answer)) {
            return accepted(authenticators.verify(me.userId(), answer));
        }
        if (BackupCodes.wellFormed(TypedCode.backupCode(answer))) {
            return accepted(backupCodes.use(realm, me.userId(), answer));
        }
        return Verification.of(Verification.Outcome.MALFORMED);
    }

    private static Verification accepted(boolean right) {
        return Verification.of(right ? Verification.Outcome.ACCEPTED : Verification.Outcome.REJECTED);
    }

    private static ProofGate.Proof proof(
            Realm realm, LatchkeyPrincipal me, HttpServletRequest request, String method, String purpose) {
        return new ProofGate.Proof(realm, me.userId(), me.email(), method, purpose, ClientInfo.of(request));
    }

    /**
     * A proof that did not pass answers with the security page, the reason in an alert, and a 4xx status; nothing
     * changed. The gate has counted, delayed, audited and locked exactly as at sign-in (signin/ProofGate).
     */
    private String refused(
            HttpServletResponse response,
            Model model,
            Realm realm,
            LatchkeyPrincipal me,
            ProofGate.Outcome proof,
            String wrong) {
        switch (proof.result()) {
            case THROTTLED:
                RetryAfter.set(response, clock.instant(), proof.until());
                return refused(response, model, realm, me, HttpStatus.TOO_MANY_REQUESTS, "security.wait");
            case LOCKED:
                return refused(response, model, realm, me, HttpStatus.FORBIDDEN, "signin.locked");
            case MALFORMED:
                return refused(response, model, realm, me, HttpStatus.BAD_REQUEST, wrong);
            default:
                return refused(response, model, realm, me, HttpStatus.UNAUTHORIZED, wrong);
        }
    }

    /** A refusal answers with the security page, the reason in an alert, and a 4xx status; nothing changed. */
    private String refused(
            HttpServletResponse response,
            Model model,
            Realm realm,
            LatchkeyPrincipal me,
            HttpStatus status,
            String error) {
        response.setStatus(status.value());
        model.addAttribute("error", error);
        return page.render(model, realm, me);
    }
}
