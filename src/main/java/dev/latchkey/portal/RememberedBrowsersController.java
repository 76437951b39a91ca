package dev.latchkey.portal;

import dev.latchkey.devices.RememberedBrowsers;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.Realm;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** F-DEVICE: "Forget" on the Security page's list of remembered browsers. */
@Controller
class RememberedBrowsersController {

    private final AccountRealm realms;
    private final RememberedBrowsers browsers;

    RememberedBrowsersController(AccountRealm realms, RememberedBrowsers browsers) {
        this.realms = realms;
        this.browsers = browsers;
    }

    /**
     * Forgets the browser named by its handle from the list (never its token). A handle that names no remembered
     * browser of this user (forgotten already, someone else's, stale) changes nothing and says so; one that is no
     * handle at all is a 400.
     */
    @PostMapping({"/sites/{slug}/account/security/forget-browser", "/admin/account/security/forget-browser"})
    String forget(
            @PathVariable(required = false) String slug,
            @AuthenticationPrincipal LatchkeyPrincipal me,
            @RequestParam("browser") String handle,
            HttpServletRequest request) {
        Realm realm = realms.of(slug);
        boolean forgotten = browsers.forget(realm, me.userId(), handle, ClientInfo.of(request));
        return "redirect:" + realm.basePath() + "/account/security" + (forgotten ? "?browserForgotten" : "?browserGone")
                + "#remembered-browsers";
    }
}
