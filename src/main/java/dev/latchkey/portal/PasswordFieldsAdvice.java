package dev.latchkey.portal;

import dev.latchkey.users.PasswordPolicy;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The shortest password a person may choose, for the new-password fields ({@code signin/password-fields}) of the
 * Security page, whichever controller renders it.
 */
@ControllerAdvice(assignableTypes = {
    SecurityPageController.class, AuthenticatorController.class, PasswordChangeController.class})
class PasswordFieldsAdvice {

    private final PasswordPolicy policy;

    PasswordFieldsAdvice(PasswordPolicy policy) {
        this.policy = policy;
    }

    @ModelAttribute("minLength")
    int minLength() {
        return policy.minLength();
    }
}
