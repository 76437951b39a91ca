/**
 * The customer-facing pages: the list of portals, each portal's home with the user's accounts (F-PORTAL-1), and the
 * Security page (F-ACCOUNT: passkeys, authenticator app, backup codes, password change, sessions, recent sign-ins),
 * which is the admin's own Security page too. Pages only: no public types, the rules live in the modules it calls.
 */
@ApplicationModule(
        allowedDependencies = {
            "shared::web",
            "sites",
            "users",
            "accounts",
            "mfa",
            "mfa::totp",
            "mfa::backup",
            "mfa::passkey",
            "signin",
            "audit",
            "devices"
        })
package dev.latchkey.portal;

import org.springframework.modulith.ApplicationModule;
