package dev.latchkey.signin;

import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.signin.SignInEvent.SignedOut;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;

/** Logout (F-LOGIN-4): Spring Security invalidates the server-side session; this records it and goes to login. */
@Component
class SignOut implements LogoutHandler, LogoutSuccessHandler {

    private final ApplicationEventPublisher events;

    SignOut(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof LatchkeyPrincipal principal) {
            events.publishEvent(
                    new SignedOut(principal.realm(), principal.userId(), principal.email(), ClientInfo.of(request)));
        }
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException {
        String realm = RealmPaths.realmKey(request).orElse("admin");
        response.sendRedirect(request.getContextPath() + RealmPaths.loginPath(realm) + "?signedOut");
    }
}
