/**
 * Portal users and admin users: look-up, passwords (Argon2id behind a DelegatingPasswordEncoder, the rules of
 * F-ACCOUNT-3), contact details as the organisation manages them (F-CONTACT-2: the old address told, a new address
 * pending until confirmed), invitations and password resets with a single-use link (F-CONTACT-1, F-ACCOUNT-1), the
 * second-factor failure count and lock, and the first admin of an empty database. Its pages are the link pages
 * (invitation, password reset, email confirmation).
 *
 * <p>Public API: {@link dev.latchkey.users.Users} with {@link dev.latchkey.users.UserView},
 * {@link dev.latchkey.users.NewUser}, {@link dev.latchkey.users.AdminRole} and
 * {@link dev.latchkey.users.EmailTakenException}; {@link dev.latchkey.users.Invitations};
 * {@link dev.latchkey.users.ContactChanges} with {@link dev.latchkey.users.ContactChange};
 * {@link dev.latchkey.users.PasswordPolicy} and {@link dev.latchkey.users.NewPasswordFields};
 * {@link dev.latchkey.users.AccountLinks}; {@link dev.latchkey.users.Backoff}. Events:
 * {@link dev.latchkey.users.UserInvited}, {@link dev.latchkey.users.InvitationAccepted},
 * {@link dev.latchkey.users.PasswordResetRequested}, {@link dev.latchkey.users.PasswordResetSent},
 * {@link dev.latchkey.users.PasswordWasReset}, {@link dev.latchkey.users.PasswordChanged},
 * {@link dev.latchkey.users.PasswordChangeRefused}, {@link dev.latchkey.users.ContactDetailsChanged},
 * {@link dev.latchkey.users.EmailChangeConfirmed}, {@link dev.latchkey.users.EmailConfirmationRefused},
 * {@link dev.latchkey.users.MfaRequirementChanged}, {@link dev.latchkey.users.UserLocked},
 * {@link dev.latchkey.users.UserUnlocked}. A phone is stored only when {@code phones} calls it a valid E.164 number.
 */
@ApplicationModule(allowedDependencies = {"shared", "shared::web", "sites", "delivery", "phones"})
package dev.latchkey.users;

import org.springframework.modulith.ApplicationModule;
