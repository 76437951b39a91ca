/**
 * The fixed demo data (F-OPS-1): sites Acme and Globex, their users, accounts with contracts and contact persons, as
 * the README's "Demo logins" lists them; loaded once, only when {@code latchkey.demo=true}, through the other modules'
 * APIs.
 */
@ApplicationModule(allowedDependencies = {"sites", "users", "accounts"})
package dev.latchkey.demo;

import org.springframework.modulith.ApplicationModule;
