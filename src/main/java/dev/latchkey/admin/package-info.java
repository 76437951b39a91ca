/**
 * The admin site's pages (F-ADMIN): home, Login &amp; Security, Users with 2FA required, Delete 2FA setup, lock and
 * password reset, a user's page, admin users, System settings, accounts and contact persons, creating a portal user,
 * branding, and the audit log with CSV export. Pages only: no public types. It calls other modules' APIs, never their
 * repositories; the users list's read model and the actions on a user are the {@code directory} module's.
 */
@ApplicationModule(
        allowedDependencies = {
            "shared::web",
            "phones",
            "sites",
            "users",
            "accounts",
            "delivery",
            "delivery::sms",
            "mfa",
            "signin",
            "audit",
            "directory"
        })
package dev.latchkey.admin;

import org.springframework.modulith.ApplicationModule;
