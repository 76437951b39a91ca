package dev.latchkey.mfa.backup;

import dev.latchkey.mfa.Factor;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.FactorType;
import dev.latchkey.mfa.TypedCode;
import dev.latchkey.mfa.Verification;
import dev.latchkey.mfa.Verification.Outcome;
import org.springframework.stereotype.Component;

/** A backup code as a sign-in factor: available while unused codes remain. */
@Component
class BackupCodeFactor implements Factor {

    private final BackupCodes codes;

    BackupCodeFactor(BackupCodes codes) {
        this.codes = codes;
    }

    @Override
    public FactorType type() {
        return FactorType.BACKUP;
    }

    @Override
    public boolean availableFor(FactorSubject subject) {
        return codes.remaining(subject.userId()) > 0;
    }

    @Override
    public Verification verify(FactorSubject subject, String answer) {
        if (!BackupCodes.wellFormed(TypedCode.backupCode(answer))) {
            return Verification.of(Outcome.MALFORMED);
        }
        boolean used = codes.use(subject.realm(), subject.userId(), answer);
        return Verification.of(used ? Outcome.ACCEPTED : Outcome.REJECTED);
    }
}
