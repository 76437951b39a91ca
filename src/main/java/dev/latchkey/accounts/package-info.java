/**
 * Accounts (customers and guarantors of the organisation) with their contracts and contact persons, and which
 * portal users see which accounts (F-PORTAL-1). Public API: {@link dev.latchkey.accounts.Accounts}.
 */
package dev.latchkey.accounts;
