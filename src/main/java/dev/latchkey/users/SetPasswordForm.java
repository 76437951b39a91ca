package dev.latchkey.users;

/** The invitation page's input: the first password, typed twice. */
record SetPasswordForm(String password, String confirmation) {

    /** The message key of what is wrong with the input, or null when it may be stored. */
    String problem() {
        if (password == null || password.isEmpty()) {
            return "invitation.password.blank";
        }
        if (password.length() > Users.MAX_PASSWORD_LENGTH) {
            return "invitation.password.tooLong";
        }
        if (password.codePointCount(0, password.length()) < Users.MIN_PASSWORD_LENGTH) {
            return "invitation.password.tooShort";
        }
        if (!password.equals(confirmation)) {
            return "invitation.password.mismatch";
        }
        return null;
    }
}
