package dev.latchkey.mfa.backup;

import dev.latchkey.mfa.SecondFactorChanged;
import dev.latchkey.mfa.SecondFactorChanged.Change;
import dev.latchkey.mfa.TypedCode;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.Users;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Backup codes (F-BACKUP-1/2). A code is 10 characters from an alphabet without look-alikes (about 49 bits), shown as
 * {@code xxxxx-xxxxx}, stored as an Argon2id hash through the password encoder.
 */
@Service
public class BackupCodes {

    public static final int COUNT = 5;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 10;

    private final BackupCodeStore store;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Users users;
    private final SecureRandom random = new SecureRandom();

    BackupCodes(
            BackupCodeStore store,
            PasswordEncoder encoder,
            Clock clock,
            ApplicationEventPublisher events,
            Users users) {
        this.store = store;
        this.encoder = encoder;
        this.clock = clock;
        this.events = events;
        this.users = users;
    }

    /** Makes a new set of {@value #COUNT} codes, invalidating the previous set; the codes are shown only once. */
    @Transactional
    public List<String> generate(Realm realm, long userId, String actor) {
        users.lockForUpdate(userId); // two quick clicks must not leave two valid sets
        store.deleteAll(userId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            String code = newCode();
            store.insert(userId, encoder.encode(TypedCode.backupCode(code)), clock.instant());
            codes.add(code);
        }
        events.publishEvent(new SecondFactorChanged(realm, userId, Change.BACKUP_CODES_GENERATED, COUNT, actor));
        return codes;
    }

    public int remaining(long userId) {
        return store.countUnused(userId);
    }

    /** Uses a code up if it is one of the user's unused codes; answers whether it was. */
    @Transactional
    public boolean use(Realm realm, long userId, String answer) {
        String code = TypedCode.backupCode(answer);
        if (!wellFormed(code)) {
            return false;
        }
        for (BackupCodeStore.Row row : store.unused(userId)) {
            if (encoder.matches(code, row.hash())) {
                if (!store.use(row.id(), clock.instant())) {
                    return false;
                }
                events.publishEvent(new SecondFactorChanged(
                        realm, userId, Change.BACKUP_CODE_USED, store.countUnused(userId), null));
                return true;
            }
        }
        return false;
    }

    /** Removes every code of a user (admin "Delete 2FA setup"). */
    @Transactional
    public void deleteAll(long userId) {
        store.deleteAll(userId);
    }

    public static boolean wellFormed(String code) {
        if (code.length() != LENGTH) {
            return false;
        }
        return code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    private String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
