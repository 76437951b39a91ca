package dev.latchkey.signin;

import dev.latchkey.mfa.passkey.Passkeys;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * F-ASSURANCE: a user who must sign in with a passkey and has none registers one inside the sign-in (after the factor
 * they have, or straight away when they have none), like the forced authenticator set-up; the new passkey completes the
 * sign-in.
 */
@Controller
class PasskeySetupController {

    private final Realms realms;
    private final SignInSession session;
    private final SignInFlow flow;
    private final Passkeys passkeys;
    private final PasskeyAnswers answers;

    PasskeySetupController(
            Realms realms, SignInSession session, SignInFlow flow, Passkeys passkeys, PasskeyAnswers answers) {
        this.realms = realms;
        this.session = session;
        this.flow = flow;
        this.passkeys = passkeys;
        this.answers = answers;
    }

    @PostMapping({"/sites/{slug}/login/setup/passkey/options", "/admin/login/setup/passkey/options"})
    ResponseEntity<?> options(@PathVariable(required = false) String slug, HttpServletRequest request) {
        Realm realm = realms.resolve(slug);
        Optional<PendingLogin> pending = pending(request, realm);
        if (pending.isEmpty()) {
            return answers.error(HttpStatus.BAD_REQUEST, "passkey.error.expired");
        }
        return PasskeyAnswers.options(
                passkeys.creationOptions(realm, pending.get().userId(), Passkeys.originOf(request)));
    }

    @PostMapping({"/sites/{slug}/login/setup/passkey", "/admin/login/setup/passkey"})
    ResponseEntity<Map<String, String>> register(
            @PathVariable(required = false) String slug, HttpServletRequest request, HttpServletResponse response) {
        Realm realm = realms.resolve(slug);
        Optional<PendingLogin> pending = pending(request, realm);
        if (pending.isEmpty()) {
            return session.replacedMeanwhile(request)
                    ? PasskeyAnswers.goTo(realm.basePath() + "/")
                    : answers.error(HttpStatus.BAD_REQUEST, "passkey.error.expired");
        }
        Optional<String> body = PasskeyAnswers.body(request);
        if (body.isEmpty()) {
            return answers.error(HttpStatus.BAD_REQUEST, "passkey.error.malformed");
        }
        long userId = pending.get().userId();
        Passkeys.Registration result = passkeys.register(realm, userId, body.get(), Passkeys.originOf(request));
        return switch (result) {
            case REGISTERED -> {
                UserView user = flow.user(userId).orElseThrow();
                yield answers.signIn(realm, user, ClientInfo.of(request), request, response);
            }
            case MALFORMED -> answers.error(HttpStatus.BAD_REQUEST, "passkey.error.malformed");
            case NO_CHALLENGE -> answers.error(HttpStatus.BAD_REQUEST, "passkey.error.expired");
            case LIMIT -> answers.error(HttpStatus.CONFLICT, "security.passkeys.limit");
            case REFUSED -> answers.error(HttpStatus.UNPROCESSABLE_ENTITY, "passkey.error.refused");
        };
    }

    private Optional<PendingLogin> pending(HttpServletRequest request, Realm realm) {
        return session.pending(request, realm)
                .filter(PendingLogin::readyForSetup)
                .filter(PendingLogin::passkeySetup);
    }
}
