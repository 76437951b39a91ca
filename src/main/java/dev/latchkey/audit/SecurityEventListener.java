package dev.latchkey.audit;

import static dev.latchkey.audit.AuditEventType.*;

import dev.latchkey.delivery.DeliveryFailed;
import dev.latchkey.delivery.sms.SmsSettingsChanged;
import dev.latchkey.devices.BrowserRemembered;
import dev.latchkey.devices.BrowsersForgotten;
import dev.latchkey.mfa.CodeSent;
import dev.latchkey.mfa.SecondFactorChanged;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.signin.SessionSignedOut;
import dev.latchkey.signin.SignInEvent;
import dev.latchkey.signin.SignInEvent.PasswordStepFailed;
import dev.latchkey.signin.SignInEvent.PasswordStepSucceeded;
import dev.latchkey.signin.SignInEvent.SecondFactorFailed;
import dev.latchkey.signin.SignInEvent.SecondFactorPassed;
import dev.latchkey.signin.SignInEvent.SignedIn;
import dev.latchkey.signin.SignInEvent.SignedOut;
import dev.latchkey.sites.BrandingChanged;
import dev.latchkey.sites.MfaSettingChanged;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.SiteView;
import dev.latchkey.sites.Sites;
import dev.latchkey.tokens.ApiCalled;
import dev.latchkey.tokens.ApiTokenCreated;
import dev.latchkey.tokens.ApiTokenRevoked;
import dev.latchkey.tokens.ApiTokens;
import dev.latchkey.tokens.TokenScope;
import dev.latchkey.users.ContactDetailsChanged;
import dev.latchkey.users.EmailChangeConfirmed;
import dev.latchkey.users.EmailConfirmationRefused;
import dev.latchkey.users.InvitationAccepted;
import dev.latchkey.users.MfaRequirementChanged;
import dev.latchkey.users.PasswordChangeRefused;
import dev.latchkey.users.PasswordChanged;
import dev.latchkey.users.PasswordResetRequested;
import dev.latchkey.users.PasswordResetSent;
import dev.latchkey.users.PasswordWasReset;
import dev.latchkey.users.UserInvited;
import dev.latchkey.users.UserLocked;
import dev.latchkey.users.UserUnlocked;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records every security event of the other modules, in the transaction that caused it when there is one. */
@Component
class SecurityEventListener {

    private final AuditLog log;
    private final Users users;
    private final Sites sites;

    SecurityEventListener(AuditLog log, Users users, Sites sites) {
        this.log = log;
        this.users = users;
        this.sites = sites;
    }

    /** An event about one user: filled in with the user's email and site, so both filters find it. */
    private void recordFor(AuditEventType type, long userId, String factor, String actor, String detail) {
        var user = users.find(userId);
        String realm = user.map(u -> sites.realmOf(u.siteId()).key()).orElse("");
        log.record(new AuditEntry(
                null,
                type.code(),
                "success",
                realm,
                userId,
                user.map(UserView::email).orElse(null),
                factor,
                actor,
                null,
                null,
                detail));
    }

    /**
     * An event of the admin realm about no user (settings, API tokens, API calls), so system admins see it: who did it
     * and, for a request, from where ({@code client} null: not recorded).
     */
    private void recordAdmin(AuditEventType type, String outcome, String actor, ClientInfo client, String detail) {
        log.record(new AuditEntry(
                null,
                type.code(),
                outcome,
                Realm.ADMIN_KEY,
                null,
                null,
                null,
                actor,
                client == null ? null : client.ip(),
                client == null ? null : client.userAgent(),
                detail));
    }

    @EventListener
    void on(SignInEvent event) {
        AuditEntry entry = entry(event, event.client());
        log.record(event instanceof PasswordStepFailed failed ? withAccountOf(failed, entry) : entry);
    }

    private static AuditEntry entry(SignInEvent event, ClientInfo client) {
        if (event instanceof PasswordStepSucceeded e) {
            return entry(SIGNIN_PASSWORD, "success", e.realm(), e.userId(), e.username(), null, client, null);
        }
        if (event instanceof PasswordStepFailed e) {
            return entry(SIGNIN_PASSWORD, "failure", e.realm(), null, e.username(), null, client, null);
        }
        if (event instanceof SecondFactorPassed e) {
            return entry(
                    SIGNIN_SECOND_FACTOR, "success", e.realm(), e.userId(), e.username(), e.factor(), client, null);
        }
        if (event instanceof SecondFactorFailed e) {
            return entry(
                    SIGNIN_SECOND_FACTOR,
                    "failure",
                    e.realm(),
                    e.userId(),
                    e.username(),
                    e.factor(),
                    client,
                    e.reason());
        }
        if (event instanceof SignedIn e) {
            return entry(SIGNIN_COMPLETED, "success", e.realm(), e.userId(), e.username(), e.factor(), client, null);
        }
        SignedOut e = (SignedOut) event;
        return entry(SIGNIN_SIGNED_OUT, "success", e.realm(), e.userId(), e.username(), null, client, null);
    }

    @EventListener
    void on(CodeSent event) {
        log.record(new AuditEntry(
                null,
                CODE_SENT.code(),
                "success",
                event.realm(),
                event.userId(),
                event.username(),
                event.factor().id(),
                null,
                null,
                null,
                null));
    }

    @EventListener
    void on(DeliveryFailed event) {
        log.record(new AuditEntry(
                null,
                DELIVERY_FAILED.code(),
                "failure",
                event.realm(),
                event.userId(),
                null,
                event.channel().name().toLowerCase(Locale.ROOT),
                null,
                null,
                null,
                "attempt " + event.attempt() + (event.permanent() ? ", gave up: " : ": ") + event.error()));
    }

    @EventListener
    void on(SecondFactorChanged event) {
        AuditEventType type = switch (event.change()) {
            case AUTHENTICATOR_ENABLED -> FACTOR_AUTHENTICATOR_ENABLED;
            case AUTHENTICATOR_DISABLED -> FACTOR_AUTHENTICATOR_DISABLED;
            case AUTHENTICATOR_DELETED -> FACTOR_AUTHENTICATOR_DELETED;
            case BACKUP_CODES_GENERATED -> FACTOR_BACKUP_CODES_GENERATED;
            case BACKUP_CODE_USED -> FACTOR_BACKUP_CODE_USED;
            case SETUP_DELETED -> ADMIN_2FA_DELETED;
            case PASSKEY_ADDED -> FACTOR_PASSKEY_ADDED;
            case PASSKEY_REMOVED -> FACTOR_PASSKEY_REMOVED;
            case PASSKEY_COUNTER_REGRESSED -> FACTOR_PASSKEY_COUNTER_REGRESSED;
        };
        String detail = switch (event.change()) {
            case BACKUP_CODE_USED -> event.backupCodesLeft() + " backup codes left";
            case PASSKEY_COUNTER_REGRESSED -> "signature counter went backwards: possibly a cloned authenticator";
            default -> null;
        };
        recordFor(type, event.userId(), null, event.actor(), detail);
    }

    @EventListener
    void on(MfaRequirementChanged event) {
        recordFor(ADMIN_2FA_REQUIRED, event.userId(), null, event.actor(), "2FA required = " + event.required());
    }

    /** F-API-2: every API call, with the token's name as the actor; the admin realm's, so system admins see them. */
    @EventListener
    void on(ApiCalled event) {
        recordAdmin(
                API_CALL,
                event.status() < 400 ? "success" : "failure",
                ApiTokens.actorOf(event.tokenName()),
                event.client(),
                event.method() + " " + event.path() + " -> " + event.status());
    }

    @EventListener
    void on(ApiTokenCreated event) {
        String scopes = event.scopes().stream().sorted().map(TokenScope::code).collect(Collectors.joining(" "));
        recordAdmin(
                API_TOKEN_CREATED,
                "success",
                event.actor(),
                null,
                "token " + event.name() + ", scopes " + scopes + ", expires " + event.expiresAt());
    }

    @EventListener
    void on(ApiTokenRevoked event) {
        recordAdmin(API_TOKEN_REVOKED, "success", event.actor(), null, "token " + event.name());
    }

    @EventListener
    void on(SmsSettingsChanged event) {
        recordAdmin(
                SETTINGS_SMS,
                "success",
                event.actor(),
                null,
                "provider " + event.provider() + ", client id " + event.clientId() + ", from " + event.fromNumber()
                        + (event.secretChanged() ? ", secret replaced" : ""));
    }

    @EventListener
    void on(UserLocked event) {
        recordFor(
                ADMIN_LOCKED,
                event.userId(),
                null,
                event.actor(),
                event.actor() == null ? "too many wrong second-factor answers" : null);
    }

    @EventListener
    void on(UserUnlocked event) {
        recordFor(ADMIN_UNLOCKED, event.userId(), null, event.actor(), null);
    }

    @EventListener
    void on(PasswordChanged event) {
        String detail = event.signedOutOthers()
                ? "other sessions signed out: " + event.endedSessions()
                : "other sessions kept"
                        + (event.endedSessions() > 0 ? ", half-finished sign-ins ended: " + event.endedSessions() : "");
        recordPassword("success", event.userId(), event.realm(), event.client(), detail);
    }

    @EventListener
    void on(PasswordChangeRefused event) {
        recordPassword("failure", event.userId(), event.realm(), event.client(), "wrong current password");
    }

    private void recordPassword(String outcome, long userId, String realm, ClientInfo client, String detail) {
        log.record(new AuditEntry(
                null,
                PASSWORD_CHANGED.code(),
                outcome,
                realm,
                userId,
                users.find(userId).map(UserView::email).orElse(null),
                null,
                null,
                client.ip(),
                client.userAgent(),
                detail));
    }

    @EventListener
    void on(PasswordResetSent event) {
        recordFor(ADMIN_PASSWORD_RESET_SENT, event.userId(), null, event.actor(), null);
    }

    @EventListener
    void on(UserInvited event) {
        recordFor(ADMIN_USER_INVITED, event.userId(), null, event.actor(), null);
    }

    @EventListener
    void on(InvitationAccepted event) {
        recordFor(USER_INVITATION_ACCEPTED, event.userId(), null, null, "password set, email confirmed");
    }

    /**
     * F-ACCOUNT-1: every request, with the address as typed (as a failed password step keeps the typed username), the
     * user when the address is theirs, and why no link went out ("unknown address", "too many requests").
     */
    @EventListener
    void on(PasswordResetRequested event) {
        String outcome = event.refusal() == null ? "success" : "failure";
        log.record(new AuditEntry(
                null,
                PASSWORD_RESET_REQUESTED.code(),
                outcome,
                event.realm(),
                event.userId(),
                event.typedEmail(),
                null,
                null,
                event.ip(),
                event.userAgent(),
                event.refusal()));
    }

    @EventListener
    void on(PasswordWasReset event) {
        log.record(new AuditEntry(
                null,
                PASSWORD_RESET.code(),
                "success",
                event.realm(),
                event.userId(),
                users.find(event.userId()).map(u -> u.email()).orElse(null),
                null,
                null,
                event.ip(),
                event.userAgent(),
                "signed out everywhere"));
    }

    @EventListener
    void on(ContactDetailsChanged event) {
        String email = switch (event.email()) {
            case NONE -> null;
            case CHANGED -> "email changed";
            case PENDING -> "new email waits for confirmation";
            case WITHDRAWN -> "pending email withdrawn";
        };
        String detail = email == null ? "phone changed" : event.phoneChanged() ? email + ", phone changed" : email;
        recordFor(ADMIN_CONTACT_DETAILS_CHANGED, event.userId(), null, event.actor(), detail);
    }

    @EventListener
    void on(EmailChangeConfirmed event) {
        recordFor(USER_EMAIL_CONFIRMED, event.userId(), null, null, "new email confirmed with the password");
    }

    @EventListener
    void on(EmailConfirmationRefused event) {
        var user = users.find(event.userId());
        log.record(new AuditEntry(
                null,
                USER_EMAIL_CONFIRMED.code(),
                "failure",
                event.realm(),
                event.userId(),
                user.map(UserView::email).orElse(null),
                null,
                null,
                null,
                null,
                event.reason()));
    }

    @EventListener
    void on(MfaSettingChanged event) {
        recordAdmin(SETTINGS_MFA, "success", event.actor(), null, event.setting() + " = " + event.value());
    }

    @EventListener
    void on(BrandingChanged event) {
        log.record(new AuditEntry(
                null,
                SETTINGS_BRANDING.code(),
                "success",
                event.slug(),
                null,
                null,
                null,
                event.actor(),
                null,
                null,
                event.change()));
    }

    private static AuditEntry entry(
            AuditEventType type,
            String outcome,
            String realm,
            Long userId,
            String username,
            String factor,
            ClientInfo client,
            String detail) {
        return new AuditEntry(
                null,
                type.code(),
                outcome,
                realm,
                userId,
                username,
                factor,
                null,
                client.ip(),
                client.userAgent(),
                detail);
    }

    /**
     * A wrong password typed for an existing account is recorded under that account (F-ACCOUNT-4: the user sees
     * "someone tried my password" among their recent sign-ins). Looked up for every failed password, known name or not,
     * so the step takes the same time either way; what the page answered does not change.
     */
    private AuditEntry withAccountOf(PasswordStepFailed event, AuditEntry entry) {
        Optional<Realm> realm = Realm.ADMIN_KEY.equals(event.realm())
                ? Optional.of(Realm.ADMIN)
                : sites.findBySlug(event.realm()).map(SiteView::realm);
        Long userId = event.username() == null
                ? null
                : realm.flatMap(r -> users.findByEmail(r, event.username()))
                        .map(UserView::id)
                        .orElse(null);
        return userId == null
                ? entry
                : new AuditEntry(
                        entry.occurredAt(),
                        entry.type(),
                        entry.outcome(),
                        entry.realm(),
                        userId,
                        entry.username(),
                        entry.factor(),
                        entry.actor(),
                        entry.ip(),
                        entry.userAgent(),
                        entry.detail());
    }

    @EventListener
    void on(SessionSignedOut event) {
        log.record(new AuditEntry(
                null,
                SESSION_SIGNED_OUT.code(),
                "success",
                event.realm(),
                event.userId(),
                event.username(),
                null,
                null,
                event.client().ip(),
                event.client().userAgent(),
                event.ended()));
    }

    /** F-DEVICE: a browser may skip the second factor from now on; the token is never recorded. */
    @EventListener
    void on(BrowserRemembered event) {
        log.record(new AuditEntry(
                null,
                DEVICE_REMEMBERED.code(),
                "success",
                event.realm(),
                event.userId(),
                users.find(event.userId()).map(UserView::email).orElse(null),
                null,
                null,
                event.client().ip(),
                event.client().userAgent(),
                "for " + event.days() + " days"));
    }

    /** F-DEVICE: remembered browsers ended, by the user or by what ends them (a realm's policy: no user). */
    @EventListener
    void on(BrowsersForgotten event) {
        String detail = event.reason() + (event.count() == 1 ? "" : " (" + event.count() + " browsers)");
        if (event.userId() == null) {
            log.record(new AuditEntry(
                    null,
                    DEVICE_FORGOTTEN.code(),
                    "success",
                    event.realm(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    detail));
            return;
        }
        var user = users.find(event.userId());
        String realm = event.realm() != null
                ? event.realm()
                : user.map(u -> sites.realmOf(u.siteId()).key()).orElse("");
        log.record(new AuditEntry(
                null,
                DEVICE_FORGOTTEN.code(),
                "success",
                realm,
                event.userId(),
                user.map(UserView::email).orElse(null),
                null,
                null,
                event.client() == null ? null : event.client().ip(),
                event.client() == null ? null : event.client().userAgent(),
                detail));
    }
}
