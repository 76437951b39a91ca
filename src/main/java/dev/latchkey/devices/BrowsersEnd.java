package dev.latchkey.devices;

import dev.latchkey.mfa.SecondFactorChanged;
import dev.latchkey.sites.PhishingResistance;
import dev.latchkey.sites.SignInPolicyChanged;
import dev.latchkey.users.MfaRequirementChanged;
import dev.latchkey.users.PasswordChanged;
import dev.latchkey.users.PasswordWasReset;
import dev.latchkey.users.UserLocked;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * F-DEVICE: what ends remembered browsers. Synchronous listeners, so the rows go in the transaction of the change that
 * ends them: once a password change, a lock or a switched-off policy is committed, no browser skips the second factor
 * on the strength of what came before.
 */
@Component
class BrowsersEnd {

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

    /**
     * A realm's policy changed: switched off or now asking a passkey of some users, every browser of the realm is
     * forgotten; shortened, those first used longer ago than the new length are (a later lengthening revives none).
     */
    @EventListener
    void on(SignInPolicyChanged event) {
        if (event.rememberDays() == null) {
            browsers.forgetRealm(event.realmKey(), "remembering switched off");
        } else if (event.phishingResistant() != PhishingResistance.OFF) {
            browsers.forgetRealm(event.realmKey(), "passkey required");
        } else {
            browsers.forgetOlderThan(event.realmKey(), Duration.ofDays(event.rememberDays()));
        }
    }
}
