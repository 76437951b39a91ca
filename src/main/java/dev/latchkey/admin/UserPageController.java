package dev.latchkey.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.SignInHistory;
import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.signin.ActiveSession;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.signin.Sessions;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.UserDirectory;
import dev.latchkey.users.UserView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page of one user (issue 15): their details, 2FA status and factors, "2FA required", their signed-in sessions
 * and recent sign-ins, and the actions of the Users list, which come back here. Only for users the admin manages
 * ({@link ManagedUsers}); any other id is "not found".
 */
@Controller
class UserPageController {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

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
        model.addAttribute("sessions", sessions.signedIn(realm.key(), target.id()).stream().map(SessionRow::of)
                .toList());
        model.addAttribute("signIns", signIns.recent(target.id()).stream().map(SignInRow::of).toList());
        model.addAttribute("back", new UsersReturn(true, UsersFilter.NONE));
        return "admin/user";
    }

    private static String utc(Instant at) {
        return TIME.format(at);
    }

    /** A signed-in session, times in UTC; {@code *Iso} for the {@code datetime} attribute. */
    record SessionRow(String started, String startedIso, String lastActive, String lastActiveIso, String idleUntil) {

        static SessionRow of(ActiveSession s) {
            return new SessionRow(utc(s.startedAt()), s.startedAt().toString(), utc(s.lastActiveAt()),
                    s.lastActiveAt().toString(), utc(s.idleUntil()));
        }
    }

    /** A sign-in from the audit log: {@code factor} null for a password-only sign-in. */
    record SignInRow(String time, String iso, String ip, String factor, boolean success) {

        static SignInRow of(AuditEntry e) {
            return new SignInRow(utc(e.occurredAt()), e.occurredAt().toString(), e.ip(), e.factor(),
                    "success".equals(e.outcome()));
        }
    }
}
