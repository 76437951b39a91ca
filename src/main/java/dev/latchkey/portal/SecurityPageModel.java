package dev.latchkey.portal;

import dev.latchkey.audit.SignInHistory;
import dev.latchkey.devices.RememberedBrowsers;
import dev.latchkey.mfa.backup.BackupCodes;
import dev.latchkey.mfa.totp.Authenticators;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.signin.Sessions;
import dev.latchkey.signin.StepUp;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Everything the security page shows, for the page itself and for actions that answer with it. */
@Component
class SecurityPageModel {

    private final Users users;
    private final Authenticators authenticators;
    private final BackupCodes backupCodes;
    private final AccountRealm realms;
    private final StepUp stepUp;
    private final Sessions sessions;
    private final SignInHistory signIns;
    private final RememberedBrowsers browsers;

    SecurityPageModel(
            Users users,
            Authenticators authenticators,
            BackupCodes backupCodes,
            AccountRealm realms,
            StepUp stepUp,
            Sessions sessions,
            SignInHistory signIns,
            RememberedBrowsers browsers) {
        this.users = users;
        this.authenticators = authenticators;
        this.backupCodes = backupCodes;
        this.realms = realms;
        this.stepUp = stepUp;
        this.sessions = sessions;
        this.signIns = signIns;
        this.browsers = browsers;
    }

    /**
     * Step-up for a sensitive action (disable or delete a factor, new backup codes): empty when the session passed a
     * second factor in the last 10 minutes (or the user has none), else the page that asks for one first.
     */
    /** Whether this session passed a second factor recently enough for a sensitive change. */
    boolean stepUpFresh(HttpServletRequest request, LatchkeyPrincipal me) {
        return stepUp.fresh(request, me);
    }

    Optional<String> stepUpFirst(
            HttpServletRequest request, HttpServletResponse response, Realm realm, LatchkeyPrincipal me) {
        if (stepUp.fresh(request, me)) {
            return Optional.empty();
        }
        return stepUp.begin(request, response, realm, me, realm.basePath() + "/account/security?verified");
    }

    String render(Model model, Realm realm, LatchkeyPrincipal me) {
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        model.addAttribute("fresh", stepUp.fresh(request, me));
        UserView user = users.find(me.userId()).orElseThrow();
        model.addAttribute("realm", realm);
        model.addAttribute("user", me);
        model.addAttribute("account", user);
        model.addAttribute("totpStatus", authenticators.status(user.id()));
        model.addAttribute("backupRemaining", backupCodes.remaining(user.id()));
        model.addAttribute("enrolmentOffered", realms.enrolmentOffered(realm) || user.mfaRequired());
        HttpSession session = request.getSession(false);
        model.addAttribute(
                "sessions", sessions.signedIn(realm.key(), me.userId(), session == null ? null : session.getId()));
        model.addAttribute("signIns", signIns.recent(me.userId()));
        model.addAttribute("rememberedBrowsers", browsers.list(request, realm, me.userId()));
        return "portal/security";
    }
}
