package dev.latchkey.directory;

import java.util.ArrayList;
import java.util.List;

/**
 * A user's second factors as an admin reads them (F-ADMIN-2), in two kinds:
 *
 * <ul>
 *   <li><b>set up by the user</b>: passkeys, an authenticator app, unused backup codes. A passkey or an
 *       <em>enabled</em> authenticator app is what "2FA activated" means, because it is what makes every sign-in of the
 *       user ask for a second factor ({@code MfaPolicy#decide}); backup codes alone only stand in for a factor the user
 *       has;
 *   <li><b>sent to them</b>: a code by email (when the address is confirmed) or by SMS (when a phone is on file). Every
 *       user with a confirmed address has the email code, so it says nothing about whether they took 2FA up.
 * </ul>
 *
 * {@code authenticator} is the stored state of their authenticator ({@code PENDING}, {@code ENABLED}, {@code DISABLED})
 * or null when they have none; {@code passkeys} how many passkeys they registered.
 */
public record FactorSummary(
        String authenticator, int backupCodesLeft, boolean emailConfirmed, String phone, int passkeys) {

    /**
     * F-ASSURANCE: the ids of a user's strongest factor, strongest first. Backup codes are not among them: they only
     * stand in for a factor the user has. {@code none}: not even a confirmed email address.
     */
    public static final java.util.List<String> STRENGTHS = java.util.List.of("passkey", "totp", "sms", "email", "none");

    /** The strongest factor the user has, one of {@link #STRENGTHS}. */
    public String strongest() {
        if (passkeys > 0) {
            return "passkey";
        }
        if (authenticatorEnabled()) {
            return "totp";
        }
        if (phone != null && !phone.isBlank()) {
            return "sms";
        }
        return emailConfirmed ? "email" : "none";
    }

    /**
     * Activated: the user registered a passkey or turned on an authenticator app, so each of their sign-ins asks for a
     * second factor.
     */
    public boolean activated() {
        return passkeys > 0 || authenticatorEnabled();
    }

    public boolean authenticatorEnabled() {
        return "ENABLED".equals(authenticator);
    }

    /** Switched off by the user, its settings kept so they can switch it on again. */
    public boolean authenticatorDisabled() {
        return "DISABLED".equals(authenticator);
    }

    /** The factors the user set up, by the ids of {@code factor.label.*}: {@code totp}, {@code backup}. */
    public List<String> own() {
        List<String> own = new ArrayList<>();
        if (passkeys > 0) {
            own.add("passkey");
        }
        if (authenticatorEnabled()) {
            own.add("totp");
        }
        if (backupCodesLeft > 0) {
            own.add("backup");
        }
        return own;
    }

    /** The codes that can be sent to the contact details on file: {@code email}, {@code sms}. */
    public List<String> sent() {
        List<String> sent = new ArrayList<>();
        if (emailConfirmed) {
            sent.add("email");
        }
        if (phone != null && !phone.isBlank()) {
            sent.add("sms");
        }
        return sent;
    }

    /** Whether "Delete 2FA setup" has anything to delete: a passkey, an authenticator in any state, or backup codes. */
    public boolean hasSetup() {
        return passkeys > 0 || authenticator != null || backupCodesLeft > 0;
    }
}
