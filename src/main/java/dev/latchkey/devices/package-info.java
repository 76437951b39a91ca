/**
 * Remembered browsers (F-DEVICE): after a second factor, a browser may skip the second factor of the same realm for the
 * days its policy allows; never the password. The cookie holds a random token, the server only its hash, bound to the
 * user and the realm. Ended by a password change or reset, Delete 2FA setup, a lock, "sign out everywhere", the user's
 * "2FA required" flag and the realm's policy being switched off.
 *
 * <p>Public API: {@link dev.latchkey.devices.RememberedBrowsers} with {@link dev.latchkey.devices.RememberedBrowser};
 * events {@link dev.latchkey.devices.BrowserRemembered} and {@link dev.latchkey.devices.BrowsersForgotten}.
 */
@ApplicationModule(allowedDependencies = {"shared", "shared::web", "sites", "users", "mfa"})
package dev.latchkey.devices;

import org.springframework.modulith.ApplicationModule;
