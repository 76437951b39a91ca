/**
 * Portal users and admin users: look-up, passwords (Argon2id behind a DelegatingPasswordEncoder), contact details
 * as the organisation manages them, the second-factor failure count, invitations with a single-use link to choose a
 * first password, and the first admin of an empty database. Public API: {@link dev.latchkey.users.Users}, {@link
 * dev.latchkey.users.Invitations}, {@link dev.latchkey.users.UserView}, {@link dev.latchkey.users.NewUser}.
 */
package dev.latchkey.users;
