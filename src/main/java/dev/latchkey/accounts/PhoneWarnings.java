package dev.latchkey.accounts;

import dev.latchkey.phones.ParsedPhone;
import dev.latchkey.phones.PhoneNumbers;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The warning when a typed phone number cannot be a user's phone (F-CONTACT-3), and why: one rule for the admin pages
 * and the API. The contact keeps the number as typed; their portal user has no phone.
 */
@Component
public class PhoneWarnings {

    /**
     * One warning about a contact's phone: for the site of their portal user, or (not promoted) for a site they might
     * be promoted to. {@code problem} is a {@link ParsedPhone.Problem} name, {@code message} the text.
     */
    public record PhoneWarning(String site, String problem, String message) {}

    private final MessageSource messages;
    private final Sites sites;
    private final Users users;
    private final PhoneNumbers phones;

    PhoneWarnings(MessageSource messages, Sites sites, Users users, PhoneNumbers phones) {
        this.messages = messages;
        this.sites = sites;
        this.users = users;
        this.phones = phones;
    }

    /** Said of a portal user who now has no phone because of it; null when there is no problem. */
    public String forUser(ParsedPhone phone) {
        return text("contacts.phone.warning.user", phone);
    }

    /** Said of a contact person, for one site they might be promoted to; null when there is no problem. */
    public String forSite(ParsedPhone phone) {
        return text("contacts.phone.warning.site", phone);
    }

    /**
     * The warnings about a contact's phone: for a promoted contact, whether their user has no phone because of it; for
     * another, each site where the number could not be read. Empty when the phone is blank or fine everywhere.
     */
    public List<PhoneWarning> of(ContactView contact) {
        List<PhoneWarning> warnings = new ArrayList<>();
        if (contact.phone() == null) {
            return warnings;
        }
        Optional<UserView> user =
                contact.portalUserId() == null ? Optional.empty() : users.find(contact.portalUserId());
        if (user.isPresent()) {
            SiteView site = sites.findById(user.get().siteId()).orElseThrow();
            ParsedPhone phone = phones.parse(contact.phone(), site.defaultRegion());
            if (phone.hasProblem() && user.get().phone() == null) {
                warnings.add(new PhoneWarning(site.slug(), phone.problem().name(), forUser(phone)));
            }
            return warnings;
        }
        for (SiteView site : sites.all()) {
            ParsedPhone phone = phones.parse(contact.phone(), site.defaultRegion());
            if (phone.hasProblem()) {
                warnings.add(new PhoneWarning(site.slug(), phone.problem().name(), forSite(phone)));
            }
        }
        return warnings;
    }

    private String text(String key, ParsedPhone phone) {
        if (phone == null || !phone.hasProblem()) {
            return null;
        }
        String reason = messages.getMessage(phone.problem().messageKey(), null, LocaleContextHolder.getLocale());
        return messages.getMessage(
                key,
                new Object[] {phone.raw(), PhoneNumbers.regionName(phone.region()), reason},
                LocaleContextHolder.getLocale());
    }
}
