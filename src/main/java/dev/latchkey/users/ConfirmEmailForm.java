package dev.latchkey.users;

/** The confirm-email page's input: the user's current password. */
record ConfirmEmailForm(String password) {

    /** The message key of what is wrong with the input, or null when it may be checked. */
    String problem() {
        if (password == null || password.isEmpty()) {
            return "confirmEmail.password.blank";
        }
        if (password.length() > Users.MAX_PASSWORD_LENGTH) {
            return "confirmEmail.password.tooLong";
        }
        return null;
    }
}
