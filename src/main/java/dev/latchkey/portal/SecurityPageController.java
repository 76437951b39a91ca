package dev.latchkey.portal;

import dev.latchkey.devices.RememberedBrowsers;
import dev.latchkey.mfa.backup.BackupCodes;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.signin.Sessions;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.NewPasswordFields;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** F-PORTAL-2 (and F-ADMIN-6 for admins): the security page and backup codes. */
@Controller
@NewPasswordFields
class SecurityPageController {

    private final AccountRealm realms;
    private final SecurityPageModel page;
    private final BackupCodes backupCodes;
    private final Sessions sessions;
    private final RememberedBrowsers browsers;

    SecurityPageController(
            AccountRealm realms,
            SecurityPageModel page,
            BackupCodes backupCodes,
            Sessions sessions,
            RememberedBrowsers browsers) {
        this.realms = realms;
        this.page = page;
        this.backupCodes = backupCodes;
        this.sessions = sessions;
        this.browsers = browsers;
    }

    /**
     * Ends every other session of the user, on every node, and forgets every other remembered browser (F-DEVICE); this
     * one stays signed in and remembered.
     */
    @PostMapping({"/sites/{slug}/account/security/sign-out-others", "/admin/account/security/sign-out-others"})
    String signOutOthers(
            @PathVariable(required = false) String slug,
            @AuthenticationPrincipal LatchkeyPrincipal me,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        Realm realm = realms.of(slug);
        sessions.endAllExcept(realm.key(), me.userId(), request.getSession().getId());
        browsers.forgetOthers(request, realm, me.userId());
        redirect.addFlashAttribute("notice", "security.sessions.ended");
        return "redirect:" + realm.basePath() + "/account/security";
    }

    /**
     * F-ACCOUNT-4: ends one of the user's sessions, named by its handle from the list (never its id). A handle that
     * names no signed-in session of this user (ended already, someone else's, stale) changes nothing and says so; one
     * that is no handle at all is a 400. The list signs this browser out through the ordinary logout instead; should
     * this browser's own handle come here, it is signed out all the same and sent to sign in.
     */
    @PostMapping({"/sites/{slug}/account/security/sign-out-session", "/admin/account/security/sign-out-session"})
    String signOutSession(
            @PathVariable(required = false) String slug,
            @AuthenticationPrincipal LatchkeyPrincipal me,
            @RequestParam("session") String handle,
            HttpServletRequest request) {
        Realm realm = realms.of(slug);
        boolean current = handle.equals(Sessions.handle(request.getSession().getId()));
        Sessions.SignOutResult result = sessions.signOut(me, handle, ClientInfo.of(request));
        if (current && result == Sessions.SignOutResult.SIGNED_OUT) {
            return "redirect:" + realm.basePath() + "/login?signedOut";
        }
        return "redirect:" + realm.basePath() + "/account/security"
                + (result == Sessions.SignOutResult.SIGNED_OUT ? "?sessionEnded" : "?sessionGone") + "#sessions";
    }

    @GetMapping({"/sites/{slug}/account/security", "/admin/account/security"})
    String page(
            @PathVariable(required = false) String slug, @AuthenticationPrincipal LatchkeyPrincipal me, Model model) {
        return page.render(model, realms.of(slug), me);
    }

    /** Asks for a second factor now, so that the sensitive actions unlock for 10 minutes. */
    @PostMapping({"/sites/{slug}/account/security/verify", "/admin/account/security/verify"})
    String verify(
            @PathVariable(required = false) String slug,
            @AuthenticationPrincipal LatchkeyPrincipal me,
            HttpServletRequest request,
            HttpServletResponse response) {
        Realm realm = realms.of(slug);
        return "redirect:"
                + page.stepUpFirst(request, response, realm, me).orElse(realm.basePath() + "/account/security");
    }

    /** F-BACKUP-1: a new set, shown once, with copy, print and a download made in the page itself. */
    @PostMapping({"/sites/{slug}/account/security/backup-codes", "/admin/account/security/backup-codes"})
    String generate(
            @PathVariable(required = false) String slug,
            @AuthenticationPrincipal LatchkeyPrincipal me,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Realm realm = realms.of(slug);
        Optional<String> stepUp = page.stepUpFirst(request, response, realm, me);
        if (stepUp.isPresent()) {
            return "redirect:" + stepUp.get();
        }
        List<String> codes = backupCodes.generate(realm, me.userId(), me.email());
        String text = "Backup codes for " + realm.name() + " (" + me.email() + ")\n" + "Each code works once.\n\n"
                + String.join("\n", codes) + "\n";
        model.addAttribute("realm", realm);
        model.addAttribute("user", me);
        model.addAttribute("codes", codes);
        model.addAttribute(
                "download",
                "data:text/plain;charset=utf-8;base64,"
                        + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        model.addAttribute("downloadName", "latchkey-backup-codes-" + realm.key() + ".txt");
        // the codes are shown once: switching language leaves this page for the Security page
        model.addAttribute("languageWarning", "backup.languageWarning");
        return "portal/backup-codes";
    }
}
