/**
 * Phone numbers (F-CONTACT-3): parsing what a person typed, with a site's default region, into E.164 with
 * libphonenumber, or a reason why that was not possible. No business rules and no dependencies on other modules. Public
 * API: {@link dev.latchkey.phones.PhoneNumbers}, {@link dev.latchkey.phones.ParsedPhone}.
 */
@ApplicationModule(allowedDependencies = {})
package dev.latchkey.phones;

import org.springframework.modulith.ApplicationModule;
