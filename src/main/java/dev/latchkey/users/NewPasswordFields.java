package dev.latchkey.users;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose pages hold the new-password fields ({@code signin/password-fields}):
 * {@link NewPasswordFieldsAdvice} gives their model {@code minLength}, the shortest password {@link PasswordPolicy}
 * allows.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface NewPasswordFields {}
