package dev.latchkey.users;

import dev.latchkey.shared.web.FormProblems;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.EmailConfirmations.Outcome;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The link that confirms a new email address (F-CONTACT-2): the user types their current password and the address
 * becomes their login. A link that is unknown, used, expired, replaced, out of tries or of another site gets one answer
 * (410). It signs nobody in: the user signs in afterwards with the new address.
 */
@Controller
class EmailConfirmationController {

    private static final String PATH = "/sites/{slug}/confirm-email/{token}";
    private static final Logger log = LoggerFactory.getLogger(EmailConfirmationController.class);

    private final LinkPages pages;
    private final EmailConfirmations confirmations;

    EmailConfirmationController(LinkPages pages, EmailConfirmations confirmations) {
        this.pages = pages;
        this.confirmations = confirmations;
    }

    @GetMapping(PATH)
    String form(@PathVariable String slug, @PathVariable String token, HttpServletResponse response, Model model) {
        Realm realm = pages.tokenPage(slug, model, response);
        Optional<String> address = confirmations.pendingAddress(realm, token);
        if (address.isEmpty()) {
            return unusable(response);
        }
        return page(token, address.get(), model);
    }

    @PostMapping(PATH)
    String submit(
            @PathVariable String slug,
            @PathVariable String token,
            @Valid @ModelAttribute ConfirmEmailForm form,
            BindingResult input,
            HttpServletResponse response,
            Model model) {
        Realm realm = pages.tokenPage(slug, model, response);
        Optional<String> address = confirmations.pendingAddress(realm, token);
        if (address.isEmpty()) {
            log.info("Email confirmation refused on {}: the link is unknown, used, expired or replaced", realm.key());
            return unusable(response);
        }
        String problem = FormProblems.first(input, ConfirmEmailForm.PROBLEMS);
        if (problem != null) {
            log.info("Email confirmation form refused on {}: {}", realm.key(), problem);
            return refused(HttpStatus.BAD_REQUEST, problem, token, address.get(), response, model);
        }
        Outcome outcome = confirmations.confirm(realm, token, form.password());
        return switch (outcome) {
            case CONFIRMED -> "redirect:" + realm.basePath() + "/login?emailConfirmed";
            case WRONG_PASSWORD ->
                confirmations
                        .pendingAddress(realm, token)
                        .map(a -> refused(
                                HttpStatus.UNAUTHORIZED, "confirmEmail.wrongPassword", token, a, response, model))
                        .orElseGet(() -> unusable(response));
            case TAKEN -> {
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("taken", true);
                yield "signin/confirm-email-unusable";
            }
            case UNUSABLE -> unusable(response);
            case DELAYED ->
                confirmations
                        .pendingAddress(realm, token)
                        .map(a -> refused(HttpStatus.TOO_MANY_REQUESTS, "security.wait", token, a, response, model))
                        .orElseGet(() -> unusable(response));
        };
    }

    private static String page(String token, String address, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("address", address);
        return "signin/confirm-email";
    }

    private static String refused(
            HttpStatus status, String error, String token, String address, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("error", error);
        return page(token, address, model);
    }

    private static String unusable(HttpServletResponse response) {
        return LinkPages.gone(response, "signin/confirm-email-unusable");
    }
}
