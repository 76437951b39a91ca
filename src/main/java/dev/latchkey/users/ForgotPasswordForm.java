package dev.latchkey.users;

/** The "Forgot password?" page's input: the address the user signs in with. */
record ForgotPasswordForm(String email) {}
