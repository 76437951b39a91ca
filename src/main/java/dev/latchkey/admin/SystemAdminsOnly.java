package dev.latchkey.admin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * What only system admins may do: read or change what belongs to no site (accounts and contact persons, system
 * settings, admin users), change Login &amp; Security and branding, and create portal users. On a controller it covers
 * every handler of the controller; on a method, that handler.
 *
 * <p>Method security checks the role once the request's arguments are bound and before the handler runs, so before any
 * look-up; a site admin's request is refused with an {@code AccessDeniedException}, which {@link RefusalAdvice} answers
 * with the {@code 403} refusal page. The role is the {@code ROLE_ADMIN_SYSTEM} authority that sign-in grants to system
 * admins. Reading a site's users, audit events and policy is not a role check: {@link AdminScope} and
 * {@link ManagedUsers} scope that data.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasRole('ADMIN_SYSTEM')")
@interface SystemAdminsOnly {}
