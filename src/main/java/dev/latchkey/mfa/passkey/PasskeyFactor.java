package dev.latchkey.mfa.passkey;

import dev.latchkey.mfa.Factor;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.FactorType;
import dev.latchkey.mfa.Verification;
import dev.latchkey.mfa.Verification.Outcome;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A passkey as a second factor: available when the user has one. The answer is the browser's credential JSON, signed
 * over a challenge bound to this login ({@link FactorSubject#loginId()}).
 */
@Component
class PasskeyFactor implements Factor {

    private final Passkeys passkeys;

    PasskeyFactor(Passkeys passkeys) {
        this.passkeys = passkeys;
    }

    @Override
    public FactorType type() {
        return FactorType.PASSKEY;
    }

    @Override
    public boolean availableFor(FactorSubject subject) {
        return passkeys.count(subject.userId()) > 0;
    }

    @Override
    public Verification verify(FactorSubject subject, String answer) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web)) {
            return Verification.of(Outcome.NO_CHALLENGE); // a passkey is only ever answered by a browser
        }
        return passkeys.verify(
                        subject.realm(),
                        subject.userId(),
                        subject.loginId(),
                        answer,
                        Passkeys.originOf(web.getRequest()))
                .verification();
    }
}
