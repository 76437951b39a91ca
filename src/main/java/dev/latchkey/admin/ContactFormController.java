package dev.latchkey.admin;

import dev.latchkey.accounts.AccountView;
import dev.latchkey.accounts.Accounts;
import dev.latchkey.accounts.ContactRefusedException;
import dev.latchkey.accounts.ContactUpdate;
import dev.latchkey.accounts.ContactView;
import dev.latchkey.accounts.Contacts;
import dev.latchkey.accounts.PhoneWarnings;
import dev.latchkey.shared.web.FormProblems;
import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.Realm;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** F-CONTACT: add a contact person to an account, and edit one (F-CONTACT-2: a portal user's details follow). */
@Controller
@SystemAdminsOnly
class ContactFormController {

    private final Accounts accounts;
    private final Contacts contacts;
    private final PhoneWarnings warnings;
    private final MessageSource messages;

    ContactFormController(Accounts accounts, Contacts contacts, PhoneWarnings warnings, MessageSource messages) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.warnings = warnings;
        this.messages = messages;
    }

    @GetMapping("/admin/contacts/new")
    String newForm(@AuthenticationPrincipal LatchkeyPrincipal admin, @RequestParam String account, Model model) {
        return page(admin, account(account), null, ContactForm.empty(), model);
    }

    @PostMapping("/admin/contacts/new")
    String create(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @RequestParam String account,
            @Valid @ModelAttribute ContactForm form,
            BindingResult input,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        String problem = FormProblems.first(input, ContactForm.PROBLEMS);
        AccountView target = account(account);
        if (problem != null) {
            return refused(admin, target, null, form, problem, HttpStatus.BAD_REQUEST, response, model);
        }
        ContactView added = contacts.add(target.id(), form.details());
        flash.addFlashAttribute("notice", text("contacts.added", added.name()));
        return "redirect:/admin/accounts/" + target.number() + "/contacts";
    }

    @GetMapping("/admin/contacts/{id}/edit")
    String editForm(@AuthenticationPrincipal LatchkeyPrincipal admin, @PathVariable long id, Model model) {
        ContactView contact = contact(id);
        return page(
                admin,
                accountOf(contact),
                contact,
                new ContactForm(contact.name(), contact.email(), contact.phone()),
                model);
    }

    @PostMapping("/admin/contacts/{id}/edit")
    String edit(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @PathVariable long id,
            @Valid @ModelAttribute ContactForm form,
            BindingResult input,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        String problem = FormProblems.first(input, ContactForm.PROBLEMS);
        ContactView contact = contact(id);
        AccountView account = accountOf(contact);
        if (problem != null) {
            return refused(admin, account, contact, form, problem, HttpStatus.BAD_REQUEST, response, model);
        }
        ContactUpdate update;
        try {
            update = contacts.update(id, form.details(), admin.email());
        } catch (ContactRefusedException ex) {
            return refused(admin, account, contact, form, ex.messageKey(), HttpStatus.CONFLICT, response, model);
        }
        List<String> notices =
                new ArrayList<>(List.of(text("contacts.saved", update.contact().name())));
        if (update.promoted()) {
            notices.add(text(
                    "contacts.userUpdated", update.user().email(), update.site().name()));
        }
        if (update.invitationResent()) {
            notices.add(text("contacts.invitationResent", update.user().email()));
        }
        if (update.confirmationSent()) {
            notices.add(text(
                    "contacts.emailPending",
                    update.user().pendingEmail(),
                    update.user().email()));
        }
        flash.addFlashAttribute("notice", String.join(" ", notices));
        if (update.promoted() && update.userPhone().hasProblem()) {
            flash.addFlashAttribute("warning", warnings.forUser(update.userPhone()));
        }
        return "redirect:/admin/accounts/" + account.number() + "/contacts";
    }

    private String refused(
            LatchkeyPrincipal admin,
            AccountView account,
            ContactView contact,
            ContactForm form,
            String error,
            HttpStatus status,
            HttpServletResponse response,
            Model model) {
        response.setStatus(status.value());
        model.addAttribute("error", error);
        return page(admin, account, contact, form, model);
    }

    private static String page(
            LatchkeyPrincipal admin, AccountView account, ContactView contact, ContactForm form, Model model) {
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("user", admin);
        model.addAttribute("account", account);
        model.addAttribute("contact", contact);
        model.addAttribute("form", form);
        return "admin/contact-form";
    }

    private AccountView account(String number) {
        return accounts.findByNumber(number).orElseThrow(NotFoundException::new);
    }

    private ContactView contact(long id) {
        return accounts.findContact(id).orElseThrow(NotFoundException::new);
    }

    private AccountView accountOf(ContactView contact) {
        return accounts.findById(contact.accountId()).orElseThrow(NotFoundException::new);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
