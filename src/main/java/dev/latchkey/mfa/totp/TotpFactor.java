package dev.latchkey.mfa.totp;

import dev.latchkey.mfa.Factor;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.FactorType;
import dev.latchkey.mfa.TypedCode;
import dev.latchkey.mfa.Verification;
import dev.latchkey.mfa.Verification.Outcome;
import org.springframework.stereotype.Component;

/** The authenticator app as a sign-in factor: available when enabled. */
@Component
class TotpFactor implements Factor {

    private final Authenticators authenticators;

    TotpFactor(Authenticators authenticators) {
        this.authenticators = authenticators;
    }

    @Override
    public FactorType type() {
        return FactorType.TOTP;
    }

    @Override
    public boolean availableFor(FactorSubject subject) {
        return authenticators.status(subject.userId()) == AuthenticatorStatus.ENABLED;
    }

    @Override
    public Verification verify(FactorSubject subject, String answer) {
        String code = TypedCode.oneTimeCode(answer);
        if (!Authenticators.wellFormed(code)) {
            return Verification.of(Outcome.MALFORMED);
        }
        return Verification.of(authenticators.verify(subject.userId(), code) ? Outcome.ACCEPTED : Outcome.REJECTED);
    }
}
