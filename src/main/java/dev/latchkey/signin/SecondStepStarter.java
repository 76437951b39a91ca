package dev.latchkey.signin;

import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.FactorType;
import dev.latchkey.sites.Realm;
import org.springframework.stereotype.Component;

/**
 * Where a login goes after the password (F-LOGIN-3): the passkey page when the user has a passkey (F-PASSKEY), else the
 * authenticator page when the user has one, straight to the only factor when there is one (sending its code), the
 * chooser when there are several, and an explanation when there are none.
 */
@Component
class SecondStepStarter {

    private final SignInFlow flow;

    SecondStepStarter(SignInFlow flow) {
        this.flow = flow;
    }

    String firstPage(Realm realm, PendingLogin pending) {
        String base = realm.basePath() + "/login/";
        if (pending.readyForSetup()) {
            return base + "setup";
        }
        if (pending.availableTypes().isEmpty()) {
            return base + "unavailable";
        }
        if (pending.availableTypes().contains(FactorType.PASSKEY)) {
            return base + FactorType.PASSKEY.id();
        }
        if (pending.availableTypes().contains(FactorType.TOTP)) {
            return base + FactorType.TOTP.id();
        }
        if (pending.availableTypes().size() > 1) {
            return base + "method";
        }
        return start(realm, pending, pending.availableTypes().get(0));
    }

    /** Starts a factor (sending its code when it has one) and answers the page to go to. */
    String start(Realm realm, PendingLogin pending, FactorType type) {
        if (flow.factor(type).sendsCode()) {
            FactorSubject subject = flow.subject(realm, pending).orElseThrow();
            flow.send(subject, type);
        }
        return realm.basePath() + "/login/" + type.id();
    }
}
