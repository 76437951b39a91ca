/**
 * The users directory (F-ADMIN-2, F-API-1): the read model of the portal users list (site, 2FA status, factors,
 * strongest factor, search; numbered pages for the admin site, keyset slices for the API) and the actions on a user
 * (F-ADMIN-3, F-POLICY-4: require 2FA, delete the 2FA setup, lock, unlock, send a password reset), so that the admin
 * pages and the API show the same list and act through the same services. Who may see or act on which user is the
 * caller's rule: the admin site's scope of a site admin, the API's "portal users only".
 *
 * <p>Public API: {@link dev.latchkey.directory.UserDirectory} with {@link dev.latchkey.directory.DirectoryQuery},
 * {@link dev.latchkey.directory.DirectoryRow}, {@link dev.latchkey.directory.DirectoryPage},
 * {@link dev.latchkey.directory.DirectorySlice} and {@link dev.latchkey.directory.FactorSummary};
 * {@link dev.latchkey.directory.UserActions}.
 */
@ApplicationModule(allowedDependencies = {"shared::web", "sites", "users", "mfa", "signin"})
package dev.latchkey.directory;

import org.springframework.modulith.ApplicationModule;
