package dev.latchkey.users;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** {@code minLength} for every page with the new-password fields, whichever controller renders it. */
@ControllerAdvice(annotations = NewPasswordFields.class)
class NewPasswordFieldsAdvice {

    private final PasswordPolicy policy;

    NewPasswordFieldsAdvice(PasswordPolicy policy) {
        this.policy = policy;
    }

    @ModelAttribute("minLength")
    int minLength() {
        return policy.minLength();
    }
}
