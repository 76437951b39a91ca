/**
 * Accounts (customers and guarantors of the organisation) with their contracts and contact persons, which portal
 * users see which accounts (F-PORTAL-1), and contact persons' promotion to portal users with later edits applied to
 * the user (F-CONTACT). Public API: {@link dev.latchkey.accounts.Accounts}, {@link dev.latchkey.accounts.Contacts}.
 */
package dev.latchkey.accounts;
