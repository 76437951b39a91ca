/**
 * The sign-in flow (F-LOGIN): the password step, choosing a factor, the code step, completing the session, and the
 * security filter chain that guards every site and the admin site. Public API: {@link
 * dev.latchkey.signin.LatchkeyPrincipal} and the past-tense events {@link dev.latchkey.signin.SignInEvent}.
 */
package dev.latchkey.signin;
