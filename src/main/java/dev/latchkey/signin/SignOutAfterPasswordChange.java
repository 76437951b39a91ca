package dev.latchkey.signin;

import dev.latchkey.users.InvitationAccepted;
import dev.latchkey.users.PasswordWasReset;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A password chosen through a link (invitation or reset) ends every session of the user. */
@Component
class SignOutAfterPasswordChange {

    private final Sessions sessions;

    SignOutAfterPasswordChange(Sessions sessions) {
        this.sessions = sessions;
    }

    @EventListener
    void on(InvitationAccepted event) {
        sessions.endAll(event.realm(), event.userId());
    }

    /** F-ACCOUNT-1: a reset through "Forgot password?" ends every session, half-finished sign-ins included. */
    @EventListener
    void on(PasswordWasReset event) {
        sessions.endAll(event.realm(), event.userId());
    }
}
