package dev.latchkey.audit;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of security event the audit log records, each by its {@link #code()}: the exact string stored in
 * {@code audit_event.type}, written to the CSV export, offered by the admin's filter and named by the message key
 * {@code audit.type.<code>}. Declared in the order the filter lists them.
 *
 * <p>The log is read as strings ({@link AuditEntry#type()}): a row of a type this version does not know (written by a
 * newer version) is shown by its stored code, as any type without a readable name is.
 */
enum AuditEventType {
    SIGNIN_PASSWORD("signin.password"),
    SIGNIN_SECOND_FACTOR("signin.second-factor"),
    SIGNIN_COMPLETED("signin.completed"),
    SIGNIN_SIGNED_OUT("signin.signed-out"),
    CODE_SENT("code.sent"),
    DELIVERY_FAILED("delivery.failed"),
    FACTOR_AUTHENTICATOR_ENABLED("factor.authenticator-enabled"),
    FACTOR_AUTHENTICATOR_DISABLED("factor.authenticator-disabled"),
    FACTOR_AUTHENTICATOR_DELETED("factor.authenticator-deleted"),
    FACTOR_BACKUP_CODES_GENERATED("factor.backup-codes-generated"),
    FACTOR_BACKUP_CODE_USED("factor.backup-code-used"),
    FACTOR_PASSKEY_ADDED("factor.passkey-added"),
    FACTOR_PASSKEY_REMOVED("factor.passkey-removed"),
    FACTOR_PASSKEY_COUNTER_REGRESSED("factor.passkey-counter-regressed"),
    ADMIN_2FA_REQUIRED("admin.2fa-required"),
    ADMIN_2FA_DELETED("admin.2fa-deleted"),
    ADMIN_LOCKED("admin.locked"),
    ADMIN_UNLOCKED("admin.unlocked"),
    ADMIN_PASSWORD_RESET_SENT("admin.password-reset-sent"),
    ADMIN_USER_INVITED("admin.user-invited"),
    USER_INVITATION_ACCEPTED("user.invitation-accepted"),
    ADMIN_CONTACT_DETAILS_CHANGED("admin.contact-details-changed"),
    USER_EMAIL_CONFIRMED("user.email-confirmed"),
    SETTINGS_MFA("settings.mfa"),
    SETTINGS_SMS("settings.sms"),
    SETTINGS_BRANDING("settings.branding"),
    PASSWORD_RESET_REQUESTED("password.reset-requested"),
    PASSWORD_RESET("password.reset"),
    PASSWORD_CHANGED("password.changed"),
    SESSION_SIGNED_OUT("session.signed-out"),
    DEVICE_REMEMBERED("device.remembered"),
    DEVICE_FORGOTTEN("device.forgotten"),
    API_CALL("api.call"),
    API_TOKEN_CREATED("api.token-created"),
    API_TOKEN_REVOKED("api.token-revoked");

    private final String code;

    AuditEventType(String code) {
        this.code = code;
    }

    /** The stored and displayed name, e.g. {@code signin.completed}. */
    String code() {
        return code;
    }

    /** Every code, in declaration order. */
    static List<String> codes() {
        return Arrays.stream(values()).map(AuditEventType::code).toList();
    }
}
