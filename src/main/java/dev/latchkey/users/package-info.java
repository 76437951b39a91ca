/**
 * Portal users and admin users: look-up, passwords (Argon2id behind a DelegatingPasswordEncoder), the
 * second-factor failure count, and the first admin of an empty database. Public API: {@link
 * dev.latchkey.users.Users}, {@link dev.latchkey.users.UserView}, {@link dev.latchkey.users.NewUser}.
 */
package dev.latchkey.users;
