package dev.latchkey.devices;

import dev.latchkey.mfa.SecondFactorChanged;
import dev.latchkey.sites.MfaSettingChanged;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.MfaRequirementChanged;
import dev.latchkey.users.PasswordChanged;
import dev.latchkey.users.PasswordWasReset;
import dev.latchkey.users.UserLocked;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * F-DEVICE: what ends remembered browsers. Synchronous listeners, so the rows go in the transaction of the change that
 * ends them: once a password change, a lock or a switched-off policy is committed, no browser skips the second factor
 * on the strength of what came before.
 */
@Component
class BrowsersEnd {

    private static final Pattern SITE_POLICY = Pattern.compile("site\\.([a-z0-9-]+)\\.sign-in");

    private final RememberedBrowsers browsers;

    BrowsersEnd(RememberedBrowsers browsers) {
        this.browsers = browsers;
    }

    @EventListener
    void on(PasswordChanged event) {
        browsers.forgetAll(event.userId(), "password changed");
    }

    @EventListener
    void on(PasswordWasReset event) {
        browsers.forgetAll(event.userId(), "password reset");
    }

    @EventListener
    void on(SecondFactorChanged event) {
        if (event.change() == SecondFactorChanged.Change.SETUP_DELETED) {
            browsers.forgetAll(event.userId(), "2FA setup deleted");
        }
    }

    @EventListener
    void on(UserLocked event) {
        browsers.forgetAll(event.userId(), "account locked");
    }

    @EventListener
    void on(MfaRequirementChanged event) {
        if (event.required()) {
            browsers.forgetAll(event.userId(), "2FA required");
        }
    }

    /** A site's policy ("site.{slug}.sign-in" = "remember=off …") or the admin site's ("admin.remember" = "off"). */
    @EventListener
    void on(MfaSettingChanged event) {
        String value = event.value() == null ? "" : event.value();
        if ("admin.remember".equals(event.setting()) && value.equals("off")) {
            browsers.forgetRealm(Realm.ADMIN_KEY, "remembering switched off");
            return;
        }
        Matcher site = SITE_POLICY.matcher(event.setting() == null ? "" : event.setting());
        if (site.matches() && value.startsWith("remember=off")) {
            browsers.forgetRealm(site.group(1), "remembering switched off");
        }
    }
}
