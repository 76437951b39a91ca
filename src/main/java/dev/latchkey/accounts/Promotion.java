package dev.latchkey.accounts;

import dev.latchkey.phones.ParsedPhone;
import dev.latchkey.sites.SiteView;
import dev.latchkey.users.UserView;

/**
 * The outcome of promoting a contact person (F-CONTACT-1): the new portal user, the site they belong to, and how the
 * contact's phone was read there. When {@code phone.hasProblem()}, the user has no phone and the admin should be told
 * why.
 */
public record Promotion(ContactView contact, UserView user, SiteView site, ParsedPhone phone) {}
