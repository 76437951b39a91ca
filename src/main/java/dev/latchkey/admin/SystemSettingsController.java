package dev.latchkey.admin;

import dev.latchkey.delivery.Emails;
import dev.latchkey.delivery.sms.SmsFailures;
import dev.latchkey.delivery.sms.SmsProvider;
import dev.latchkey.delivery.sms.SmsSender.SmsResult;
import dev.latchkey.delivery.sms.SmsSenders;
import dev.latchkey.delivery.sms.SmsSettings;
import dev.latchkey.phones.ParsedPhone;
import dev.latchkey.phones.PhoneNumbers;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.Realm;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * F-ADMIN-4 System settings (system-wide, system admins only): SMS via Twilio, its last delivery error, and Send test
 * SMS.
 */
@Controller
@SystemAdminsOnly
class SystemSettingsController {

    private static final String PAGE = "admin/system-settings";

    private final SmsSettings settings;
    private final SmsSenders senders;
    private final SmsFailures failures;
    private final PhoneNumbers phones;

    SystemSettingsController(SmsSettings settings, SmsSenders senders, SmsFailures failures, PhoneNumbers phones) {
        this.settings = settings;
        this.senders = senders;
        this.failures = failures;
        this.phones = phones;
    }

    @GetMapping("/admin/system-settings")
    String page(@AuthenticationPrincipal LatchkeyPrincipal admin, Model model) {
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("user", admin);
        model.addAttribute("sms", settings.view());
        model.addAttribute("devInboxAvailable", settings.devInboxAvailable());
        // F-ADMIN-4: a provider that keeps failing still counts as configured; say when it last failed, and why
        failures.last().ifPresent(failure -> {
            model.addAttribute("smsFailure", failure);
            model.addAttribute("smsFailureAt", Emails.TIME.format(failure.at()));
            if (failure.deliveredSince() != null) {
                model.addAttribute("smsDeliveredSince", Emails.TIME.format(failure.deliveredSince()));
            }
        });
        return PAGE;
    }

    @PostMapping("/admin/system-settings/sms")
    String save(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @ModelAttribute SmsSettingsForm form,
            HttpServletResponse response,
            Model model) {
        Optional<SmsProvider> provider = provider(form.provider());
        String clientId = form.clientId() == null ? "" : form.clientId().trim();
        String secret = form.clientSecret() == null ? "" : form.clientSecret();
        String fromTyped = form.fromNumber() == null ? "" : form.fromNumber();
        Optional<String> from = fromTyped.isBlank() ? Optional.of("") : e164(fromTyped);
        String error = provider.isEmpty()
                ? "admin.sms.badProvider"
                : !clientId.isEmpty() && !clientId.matches("[A-Za-z0-9]{10,64}")
                        ? "admin.sms.badClientId"
                        : secret.length() > 200 || secret.codePoints().anyMatch(Character::isISOControl)
                                ? "admin.sms.badSecret"
                                : from.isEmpty()
                                        ? "admin.sms.badFrom"
                                        : provider.get() == SmsProvider.DEV_INBOX && !settings.devInboxAvailable()
                                                ? "admin.sms.badProvider"
                                                : provider.get() == SmsProvider.TWILIO
                                                                && (clientId.isEmpty()
                                                                        || from.get()
                                                                                .isEmpty()
                                                                        || (secret.isBlank()
                                                                                && !settings.view()
                                                                                        .secretStored()))
                                                        ? "admin.sms.incomplete"
                                                        : null;
        if (error != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", error);
            return page(admin, model);
        }
        settings.save(provider.get(), clientId, secret, from.get(), admin.email());
        return "redirect:/admin/system-settings?saved";
    }

    @PostMapping("/admin/system-settings/sms/test")
    String test(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @RequestParam(defaultValue = "") String to,
            HttpServletResponse response,
            Model model) {
        Optional<String> number = e164(to);
        if (number.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "admin.sms.badTestNumber");
            return page(admin, model);
        }
        SmsResult result = senders.sendTest(number.get(), "Latchkey test SMS: your SMS settings work.");
        if (!result.accepted()) {
            response.setStatus(HttpStatus.BAD_GATEWAY.value());
        }
        model.addAttribute("testResult", result);
        model.addAttribute("testNumber", number.get());
        return page(admin, model);
    }

    private static Optional<SmsProvider> provider(String value) {
        try {
            return Optional.of(SmsProvider.valueOf(value == null ? "" : value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    /** An international number (with + and country code) in E.164, read by libphonenumber. */
    private Optional<String> e164(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        ParsedPhone parsed = phones.parse(typed, null);
        return parsed.isValid() ? Optional.of(parsed.e164()) : Optional.empty();
    }
}
