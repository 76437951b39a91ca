package dev.latchkey.portal;

import dev.latchkey.mfa.passkey.Passkeys;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.Realm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** F-PASSKEY-1 on the Security page: register a passkey (JSON, from js/passkey.js) and remove one (after a step-up). */
@Controller
class PasskeyController {

    private static final String SITE = "/sites/{slug}/account/security/passkeys";
    private static final String ADMIN = "/admin/account/security/passkeys";
    private static final int MAX_BODY = 64 * 1024;

    private final AccountRealm realms;
    private final Passkeys passkeys;
    private final SecurityPageModel page;
    private final MessageSource messages;

    PasskeyController(AccountRealm realms, Passkeys passkeys, SecurityPageModel page, MessageSource messages) {
        this.realms = realms;
        this.passkeys = passkeys;
        this.page = page;
        this.messages = messages;
    }

    /**
     * Adding a passkey needs a second factor within the last 10 minutes, as removing one does: a passkey signs in
     * without a password, so a borrowed or stolen session must not be able to leave one behind. Without it the answer
     * leads the page to the step-up, which returns to the Security page.
     */
    @PostMapping({SITE + "/options", ADMIN + "/options"})
    ResponseEntity<?> options(
            @PathVariable(required = false) String slug,
            @AuthenticationPrincipal LatchkeyPrincipal me,
            HttpServletRequest request,
            HttpServletResponse response) {
        Realm realm = realms.of(slug);
        if (!passkeys.offered(realm)) {
            return error(HttpStatus.FORBIDDEN, "security.passkeys.off");
        }
        Optional<String> stepUp = page.stepUpFirst(request, response, realm, me);
        if (stepUp.isPresent()) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("redirect", stepUp.get()));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(passkeys.creationOptions(realm, me.userId(), Passkeys.originOf(request)));
    }

    @PostMapping({SITE, ADMIN})
    ResponseEntity<Map<String, String>> register(
            @PathVariable(required = false) String slug,
            @AuthenticationPrincipal LatchkeyPrincipal me,
            HttpServletRequest request,
            HttpServletResponse response) {
        Realm realm = realms.of(slug);
        if (!passkeys.offered(realm)) {
            return error(HttpStatus.FORBIDDEN, "security.passkeys.off");
        }
        if (!page.stepUpFresh(request, me)) {
            // the step-up of the options has run out meanwhile
            return error(HttpStatus.FORBIDDEN, "security.passkeys.stepUpAgain");
        }
        Optional<String> body = body(request);
        if (body.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, "passkey.error.malformed");
        }
        return switch (passkeys.register(realm, me.userId(), body.get(), Passkeys.originOf(request))) {
            case REGISTERED ->
                ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("redirect", realm.basePath() + "/account/security?passkeyAdded#passkeys"));
            case MALFORMED -> error(HttpStatus.BAD_REQUEST, "security.passkeys.nameInvalid");
            case NO_CHALLENGE -> error(HttpStatus.BAD_REQUEST, "passkey.error.expired");
            case LIMIT -> error(HttpStatus.CONFLICT, "security.passkeys.limit");
            case REFUSED -> error(HttpStatus.UNPROCESSABLE_ENTITY, "passkey.error.refused");
        };
    }

    /** Removing a passkey needs a second factor within the last 10 minutes, as removing the authenticator does. */
    @PostMapping({SITE + "/{id:[0-9]{1,18}}/remove", ADMIN + "/{id:[0-9]{1,18}}/remove"})
    String remove(
            @PathVariable(required = false) String slug,
            @PathVariable long id,
            @AuthenticationPrincipal LatchkeyPrincipal me,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Realm realm = realms.of(slug);
        Optional<String> stepUp = page.stepUpFirst(request, response, realm, me);
        if (stepUp.isPresent()) {
            return "redirect:" + stepUp.get();
        }
        String notice = switch (passkeys.remove(realm, me.userId(), id, me.email())) {
            case REMOVED -> "security.passkeys.removed";
            case GONE -> "security.passkeys.gone";
            case LAST_REQUIRED -> "security.passkeys.lastRequired";
        };
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + realm.basePath() + "/account/security#passkeys";
    }

    private ResponseEntity<Map<String, String>> error(HttpStatus status, String key) {
        String text = messages.getMessage(key, null, LocaleContextHolder.getLocale());
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", text));
    }

    /** The body, or empty when it is larger than a credential could be. */
    private static Optional<String> body(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY) {
            return Optional.empty();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            return bytes.length > MAX_BODY ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException ex) {
            return Optional.empty();
        }
    }
}
