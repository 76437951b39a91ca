package dev.latchkey.admin;

import dev.latchkey.audit.SignInHistory;
import dev.latchkey.directory.UserDirectory;
import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.signin.Sessions;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.UserView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page of one user (F-ADMIN-2): their details, 2FA status and factors, "2FA required", their signed-in sessions and
 * recent sign-ins, and the actions of the Users list, which come back here. Only for users the admin manages
 * ({@link ManagedUsers}); any other id is "not found".
 */
@Controller
class UserPageController {

    private final ManagedUsers managed;
    private final UserDirectory directory;
    private final Sessions sessions;
    private final SignInHistory signIns;

    UserPageController(ManagedUsers managed, UserDirectory directory, Sessions sessions, SignInHistory signIns) {
        this.managed = managed;
        this.directory = directory;
        this.sessions = sessions;
        this.signIns = signIns;
    }

    @GetMapping("/admin/users/{id}")
    String page(@AuthenticationPrincipal LatchkeyPrincipal admin, @PathVariable long id, Model model) {
        UserView target = managed.find(admin, id);
        Realm realm = managed.realmOf(target);
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("user", admin);
        model.addAttribute("target", target);
        model.addAttribute("targetSite", realm);
        model.addAttribute("factors", directory.factors(target.id()).orElseThrow(NotFoundException::new));
        model.addAttribute("sessions", sessions.signedIn(realm.key(), target.id()));
        model.addAttribute("signIns", signIns.recent(target.id()));
        model.addAttribute("back", new UsersReturn(true, UsersFilter.NONE));
        return "admin/user";
    }
}
