package dev.latchkey.accounts;

import dev.latchkey.phones.ParsedPhone;
import dev.latchkey.sites.SiteView;
import dev.latchkey.users.UserView;

/**
 * The outcome of editing a contact person (F-CONTACT-2). For a promoted contact, {@code user}, {@code site} and
 * {@code userPhone} tell what their portal user now has; all three are null otherwise. {@code invitationResent} when
 * the email changed before the user had accepted their invitation, so a new one went to the new address.
 * {@code confirmationSent} when the user has a password, so the new address waits for their confirmation
 * ({@link UserView#pendingEmail()}) and a confirmation link went there.
 */
public record ContactUpdate(
        ContactView contact,
        UserView user,
        SiteView site,
        ParsedPhone userPhone,
        boolean invitationResent,
        boolean confirmationSent) {

    public boolean promoted() {
        return user != null;
    }
}
