package dev.latchkey.admin;

import dev.latchkey.accounts.AccountView;
import dev.latchkey.accounts.Accounts;
import dev.latchkey.accounts.ContactRefusedException;
import dev.latchkey.accounts.ContactView;
import dev.latchkey.accounts.Contacts;
import dev.latchkey.accounts.PhoneWarnings;
import dev.latchkey.accounts.Promotion;
import dev.latchkey.shared.web.BadInputException;
import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.Invitations;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** F-CONTACT-1: promote a contact person to a portal user of a site, and invite them again if need be. */
@Controller
@SystemAdminsOnly
class PromotionController {

    private final Accounts accounts;
    private final Contacts contacts;
    private final Invitations invitations;
    private final Sites sites;
    private final ContactsPage contactsPage;
    private final PhoneWarnings warnings;
    private final MessageSource messages;

    PromotionController(
            Accounts accounts,
            Contacts contacts,
            Invitations invitations,
            Sites sites,
            ContactsPage contactsPage,
            PhoneWarnings warnings,
            MessageSource messages) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.invitations = invitations;
        this.sites = sites;
        this.contactsPage = contactsPage;
        this.warnings = warnings;
        this.messages = messages;
    }

    @PostMapping("/admin/contacts/{id}/promote")
    String promote(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @PathVariable long id,
            @RequestParam String site,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        ContactView contact = accounts.findContact(id).orElseThrow(NotFoundException::new);
        AccountView account = accounts.findById(contact.accountId()).orElseThrow(NotFoundException::new);
        SiteView target = sites.findBySlug(site).orElseThrow(() -> new BadInputException("contacts.promote.badSite"));
        Promotion promotion;
        try {
            promotion = contacts.promote(id, target.id(), admin.email());
        } catch (ContactRefusedException ex) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("error", ex.messageKey());
            return contactsPage.render(admin, account, model);
        }
        flash.addFlashAttribute(
                "notice", text("contacts.promoted", promotion.user().email(), target.name()));
        if (promotion.phone().hasProblem()) {
            flash.addFlashAttribute("warning", warnings.forUser(promotion.phone()));
        }
        return "redirect:/admin/accounts/" + account.number() + "/contacts";
    }

    @PostMapping("/admin/contacts/{id}/invitation")
    String reinvite(
            @AuthenticationPrincipal LatchkeyPrincipal admin,
            @PathVariable long id,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        ContactView contact = accounts.findContact(id).orElseThrow(NotFoundException::new);
        AccountView account = accounts.findById(contact.accountId()).orElseThrow(NotFoundException::new);
        if (contact.portalUserId() == null || !invitations.resend(contact.portalUserId(), admin.email())) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("error", "contacts.reinvite.notPending");
            return contactsPage.render(admin, account, model);
        }
        flash.addFlashAttribute("notice", text("contacts.invitationResent", contact.email()));
        return "redirect:/admin/accounts/" + account.number() + "/contacts";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
