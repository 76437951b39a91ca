package dev.latchkey.admin;

import dev.latchkey.accounts.AccountView;
import dev.latchkey.accounts.Accounts;
import dev.latchkey.accounts.ContactView;
import dev.latchkey.accounts.PhoneWarnings;
import dev.latchkey.phones.ParsedPhone;
import dev.latchkey.phones.PhoneNumbers;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The model of an account's contacts page: each contact person with, before promotion, what their phone becomes on each
 * site, and after promotion, their portal user.
 */
@Component
class ContactsPage {

    static final String VIEW = "admin/contacts";

    /** How the contact's phone reads with one site's default region; {@code warning} null when it reads. */
    record SitePhone(SiteView site, ParsedPhone phone, String warning) {}

    /** The portal user a contact was promoted to; {@code warning} says why they have no phone, if that is why. */
    record PortalUser(UserView user, SiteView site, String warning) {}

    record Row(ContactView contact, List<SitePhone> phones, PortalUser portalUser) {}

    private final Accounts accounts;
    private final Sites sites;
    private final Users users;
    private final PhoneNumbers phones;
    private final PhoneWarnings warnings;

    ContactsPage(Accounts accounts, Sites sites, Users users, PhoneNumbers phones, PhoneWarnings warnings) {
        this.accounts = accounts;
        this.sites = sites;
        this.users = users;
        this.phones = phones;
        this.warnings = warnings;
    }

    /** Fills the model of the page and answers its view name. */
    String render(LatchkeyPrincipal admin, AccountView account, Model model) {
        List<SiteView> all = sites.all();
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("user", admin);
        model.addAttribute("account", account);
        model.addAttribute("sites", all);
        model.addAttribute(
                "rows",
                accounts.contactsOf(account.id()).stream().map(c -> row(c, all)).toList());
        return VIEW;
    }

    private Row row(ContactView contact, List<SiteView> all) {
        Optional<UserView> user =
                contact.portalUserId() == null ? Optional.empty() : users.find(contact.portalUserId());
        if (user.isPresent()) {
            SiteView site = all.stream()
                    .filter(s -> Objects.equals(s.id(), user.get().siteId()))
                    .findFirst()
                    .orElseThrow();
            ParsedPhone phone = phones.parse(contact.phone(), site.defaultRegion());
            String warning = user.get().phone() == null ? warnings.forUser(phone) : null;
            return new Row(contact, List.of(), new PortalUser(user.get(), site, warning));
        }
        List<SitePhone> readings =
                all.stream().map(site -> reading(contact, site)).toList();
        return new Row(contact, readings, null);
    }

    private SitePhone reading(ContactView contact, SiteView site) {
        ParsedPhone phone = phones.parse(contact.phone(), site.defaultRegion());
        return new SitePhone(site, phone, warnings.forSite(phone));
    }
}
