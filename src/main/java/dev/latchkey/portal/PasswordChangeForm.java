package dev.latchkey.portal;

import dev.latchkey.signin.PasswordChange;

/** The Security page's change-password form ({@code #password-form}); an unticked box is not sent at all. */
record PasswordChangeForm(String current, String password, String confirm, Boolean signOutOthers) {

    PasswordChange.Input input() {
        return new PasswordChange.Input(current, password, confirm, Boolean.TRUE.equals(signOutOthers));
    }

    /** For the page shown again after a refusal: the box as the user left it. */
    boolean signOutOthersTicked() {
        return Boolean.TRUE.equals(signOutOthers);
    }
}
