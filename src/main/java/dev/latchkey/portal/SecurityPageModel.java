package dev.latchkey.portal;

import dev.latchkey.mfa.backup.BackupCodes;
import dev.latchkey.mfa.totp.Authenticators;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Everything the security page shows, for the page itself and for actions that answer with it. */
@Component
class SecurityPageModel {

    private final Users users;
    private final Authenticators authenticators;
    private final BackupCodes backupCodes;
    private final AccountRealm realms;

    SecurityPageModel(Users users, Authenticators authenticators, BackupCodes backupCodes, AccountRealm realms) {
        this.users = users;
        this.authenticators = authenticators;
        this.backupCodes = backupCodes;
        this.realms = realms;
    }

    String render(Model model, Realm realm, LatchkeyPrincipal me) {
        UserView user = users.find(me.userId()).orElseThrow();
        model.addAttribute("realm", realm);
        model.addAttribute("user", me);
        model.addAttribute("account", user);
        model.addAttribute("totpStatus", authenticators.status(user.id()));
        model.addAttribute("backupRemaining", backupCodes.remaining(user.id()));
        model.addAttribute("enrolmentOffered", realms.enrolmentOffered(realm) || user.mfaRequired());
        return "portal/security";
    }
}
