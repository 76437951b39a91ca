/**
 * Accounts (customers and guarantors of the organisation) with their contracts and contact persons, which portal users
 * see which accounts (F-PORTAL-1), and contact persons' promotion to portal users with later edits applied to the user
 * (F-CONTACT).
 *
 * <p>Public API: {@link dev.latchkey.accounts.Accounts} with {@link dev.latchkey.accounts.AccountView},
 * {@link dev.latchkey.accounts.AccountSummary} and {@link dev.latchkey.accounts.AccountKind};
 * {@link dev.latchkey.accounts.Contacts} with {@link dev.latchkey.accounts.ContactView},
 * {@link dev.latchkey.accounts.ContactDetails}, {@link dev.latchkey.accounts.ContactUpdate},
 * {@link dev.latchkey.accounts.Promotion} and {@link dev.latchkey.accounts.ContactRefusedException}.
 *
 * <p>For the back office's API (F-API): {@link dev.latchkey.accounts.AccountData},
 * {@link dev.latchkey.accounts.ContactData}, {@link dev.latchkey.accounts.Upserted} with
 * {@link dev.latchkey.accounts.UpsertOutcome} (upsert by the back office's external id),
 * {@link dev.latchkey.accounts.StaleVersionException} (a change made conditionally on the version read),
 * {@link dev.latchkey.accounts.AccountRefusedException}, {@link dev.latchkey.accounts.BulkContacts} (the streamed
 * nightly sync) and {@link dev.latchkey.accounts.PhoneWarnings} (one rule for the admin pages and the API).
 */
@ApplicationModule(allowedDependencies = {"phones", "sites", "users"})
package dev.latchkey.accounts;

import org.springframework.modulith.ApplicationModule;
