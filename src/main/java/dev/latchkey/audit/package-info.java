/**
 * Security events (F-ADMIN-5): listeners turn the other modules' past-tense events into rows;
 * {@link dev.latchkey.audit.AuditLog} reads them back for the admin's audit log, and
 * {@link dev.latchkey.audit.SignInHistory} a user's recent sign-ins. Events never carry passwords or codes.
 *
 * <p>Public API: {@link dev.latchkey.audit.AuditLog} with {@link dev.latchkey.audit.AuditFilter},
 * {@link dev.latchkey.audit.AuditPage} and {@link dev.latchkey.audit.AuditEntry};
 * {@link dev.latchkey.audit.SignInHistory} with {@link dev.latchkey.audit.SignInAttempt}.
 */
@ApplicationModule(
        allowedDependencies = {
            "shared",
            "shared::web",
            "sites",
            "users",
            "delivery",
            "delivery::sms",
            "mfa",
            "signin",
            "devices",
            "tokens"
        })
package dev.latchkey.audit;

import org.springframework.modulith.ApplicationModule;
