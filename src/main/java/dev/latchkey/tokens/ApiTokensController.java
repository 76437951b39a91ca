package dev.latchkey.tokens;

import dev.latchkey.shared.web.BadInputException;
import dev.latchkey.shared.web.FormProblems;
import dev.latchkey.shared.web.ReadableTime;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.Realm;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * F-API-2 {@code /admin/api-tokens}, system admins only: the tokens with their scopes, expiry and last use, a form for
 * a new one (shown once, in the answer to the form, never again) and Revoke. The rules live in {@link ApiTokens}.
 */
@Controller
@PreAuthorize("hasRole('ADMIN_SYSTEM')")
class ApiTokensController {

    private static final String PAGE = "admin/api-tokens";

    /** A token as the page lists it, with its times ready for {@code <time>}. */
    record TokenRow(
            ApiTokenView token,
            ReadableTime created,
            ReadableTime expires,
            ReadableTime lastUsed,
            ReadableTime revoked,
            boolean expired) {}

    private final ApiTokens tokens;
    private final Clock clock;

    ApiTokensController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/admin/api-tokens")
    String page(@AuthenticationPrincipal LatchkeyPrincipal admin, Model model) {
        return page(admin, model, TokenForm.empty());
    }

    @PostMapping("/admin/api-tokens")
    String create(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @Valid @ModelAttribute TokenForm form,
            BindingResult input,
            HttpServletResponse response,
            Model model) {
        String problem = FormProblems.first(input, TokenForm.PROBLEMS);
        if (problem != null) {
            return refused(admin, model, response, form, problem);
        }
        try {
            int days = form.days() == null ? TokenForm.DEFAULT_DAYS : form.days();
            Instant expiresAt = clock.instant().plus(Duration.ofDays(days));
            IssuedToken issued = tokens.create(form.name(), form.scopes(), expiresAt, admin.email());
            model.addAttribute("newToken", issued);
            return page(admin, model, TokenForm.empty());
        } catch (BadInputException refused) {
            return refused(admin, model, response, form, refused.messageKey());
        }
    }

    private String refused(
            LatchkeyPrincipal admin, Model model, HttpServletResponse response, TokenForm form, String error) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("error", error);
        return page(admin, model, form);
    }

    /** Idempotent: a revoked token stays revoked; an unknown id is a 404. */
    @PostMapping("/admin/api-tokens/{id:[0-9]{1,18}}/revoke")
    String revoke(@AuthenticationPrincipal LatchkeyPrincipal admin, @PathVariable long id) {
        tokens.revoke(id, admin.email());
        return "redirect:/admin/api-tokens?revoked";
    }

    private String page(LatchkeyPrincipal admin, Model model, TokenForm form) {
        Instant now = clock.instant();
        List<TokenRow> rows = tokens.list().stream()
                .map(token -> new TokenRow(
                        token,
                        ReadableTime.of(token.createdAt()),
                        ReadableTime.of(token.expiresAt()),
                        ReadableTime.of(token.lastUsedAt()),
                        ReadableTime.of(token.revokedAt()),
                        token.expiredAt(now)))
                .toList();
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("user", admin);
        model.addAttribute("tokens", rows);
        model.addAttribute("scopes", List.of(TokenScope.values()));
        model.addAttribute("form", form);
        model.addAttribute("maxDays", TokenForm.MAX_DAYS);
        return PAGE;
    }
}
