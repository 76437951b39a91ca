package dev.latchkey.users;

/** A new password, typed twice (invitation page); {@link PasswordPolicy} says whether it may be stored. */
record SetPasswordForm(String password, String confirmation) {}
