package dev.latchkey.users;

/** The reset page's input (stable hooks {@code name=password}, {@code name=confirm}). */
record ResetPasswordForm(String password, String confirm) {}
