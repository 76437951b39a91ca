package dev.latchkey.audit;

import dev.latchkey.delivery.DeliveryFailed;
import dev.latchkey.delivery.sms.SmsSettingsChanged;
import dev.latchkey.mfa.CodeSent;
import dev.latchkey.mfa.SecondFactorChanged;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.signin.SignInEvent;
import dev.latchkey.signin.SignInEvent.PasswordStepFailed;
import dev.latchkey.signin.SignInEvent.PasswordStepSucceeded;
import dev.latchkey.signin.SignInEvent.SecondFactorFailed;
import dev.latchkey.signin.SignInEvent.SecondFactorPassed;
import dev.latchkey.signin.SignInEvent.SignedIn;
import dev.latchkey.signin.SignInEvent.SignedOut;
import dev.latchkey.sites.MfaSettingChanged;
import dev.latchkey.users.ContactDetailsChanged;
import dev.latchkey.users.InvitationAccepted;
import dev.latchkey.users.MfaRequirementChanged;
import dev.latchkey.users.PasswordResetSent;
import dev.latchkey.users.UserInvited;
import dev.latchkey.users.UserUnlocked;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records every security event of the other modules, in the transaction that caused it when there is one. */
@Component
class SecurityEventListener {

    private final AuditLog log;

    SecurityEventListener(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(SignInEvent event) {
        log.record(entry(event, event.client()));
    }

    private static AuditEntry entry(SignInEvent event, ClientInfo client) {
        if (event instanceof PasswordStepSucceeded e) {
            return entry("signin.password", "success", e.realm(), e.userId(), e.username(), null, client, null);
        }
        if (event instanceof PasswordStepFailed e) {
            return entry("signin.password", "failure", e.realm(), null, e.username(), null, client, null);
        }
        if (event instanceof SecondFactorPassed e) {
            return entry("signin.second-factor", "success", e.realm(), e.userId(), e.username(), e.factor(), client,
                    null);
        }
        if (event instanceof SecondFactorFailed e) {
            return entry("signin.second-factor", "failure", e.realm(), e.userId(), e.username(), e.factor(), client,
                    e.reason());
        }
        if (event instanceof SignedIn e) {
            return entry("signin.completed", "success", e.realm(), e.userId(), e.username(), e.factor(), client,
                    null);
        }
        SignedOut e = (SignedOut) event;
        return entry("signin.signed-out", "success", e.realm(), e.userId(), e.username(), null, client, null);
    }

    @EventListener
    void on(CodeSent event) {
        log.record(new AuditEntry(null, "code.sent", "success", event.realm(), event.userId(), event.username(),
                event.factor().id(), null, null, null, null));
    }

    @EventListener
    void on(DeliveryFailed event) {
        log.record(new AuditEntry(null, "delivery.failed", "failure", event.realm(), event.userId(), null,
                event.channel().name().toLowerCase(Locale.ROOT), null, null, null,
                "attempt " + event.attempt() + (event.permanent() ? ", gave up: " : ": ") + event.error()));
    }

    @EventListener
    void on(SecondFactorChanged event) {
        String type = (event.change() == SecondFactorChanged.Change.SETUP_DELETED ? "admin.2fa-deleted"
                : "factor." + event.change().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        String detail = event.change() == SecondFactorChanged.Change.BACKUP_CODE_USED
                ? event.backupCodesLeft() + " backup codes left"
                : null;
        log.record(new AuditEntry(null, type, "success", event.realm().key(), event.userId(), null, null,
                event.actor(), null, null, detail));
    }

    @EventListener
    void on(MfaRequirementChanged event) {
        log.record(new AuditEntry(null, "admin.2fa-required", "success", "", event.userId(), null, null,
                event.actor(), null, null, "2FA required = " + event.required()));
    }

    @EventListener
    void on(SmsSettingsChanged event) {
        log.record(new AuditEntry(null, "settings.sms", "success", "admin", null, null, null, event.actor(), null,
                null, "provider " + event.provider() + ", client id " + event.clientId() + ", from "
                        + event.fromNumber() + (event.secretChanged() ? ", secret replaced" : "")));
    }

    @EventListener
    void on(UserUnlocked event) {
        log.record(new AuditEntry(null, "admin.unlocked", "success", "", event.userId(), null, null, event.actor(),
                null, null, null));
    }

    @EventListener
    void on(PasswordResetSent event) {
        log.record(new AuditEntry(null, "admin.password-reset-sent", "success", event.realm(), event.userId(), null,
                null, event.actor(), null, null, null));
    }

    @EventListener
    void on(UserInvited event) {
        log.record(new AuditEntry(null, "admin.user-invited", "success", event.realm(), event.userId(), null, null,
                event.actor(), null, null, null));
    }

    @EventListener
    void on(InvitationAccepted event) {
        log.record(new AuditEntry(null, "user.invitation-accepted", "success", event.realm(), event.userId(), null,
                null, null, null, null, "password set, email confirmed"));
    }

    @EventListener
    void on(ContactDetailsChanged event) {
        String what = (event.emailChanged() ? "email" : "") + (event.emailChanged() && event.phoneChanged() ? ", " : "")
                + (event.phoneChanged() ? "phone" : "");
        log.record(new AuditEntry(null, "admin.contact-details-changed", "success", event.realm(), event.userId(),
                null, null, event.actor(), null, null, what + " changed"));
    }

    @EventListener
    void on(MfaSettingChanged event) {
        log.record(new AuditEntry(null, "settings.mfa", "success", "admin", null, null, null, event.actor(), null,
                null, event.setting() + " = " + event.value()));
    }

    private static AuditEntry entry(String type, String outcome, String realm, Long userId, String username,
            String factor, ClientInfo client, String detail) {
        return new AuditEntry(null, type, outcome, realm, userId, username, factor, null, client.ip(),
                client.userAgent(), detail);
    }
}
