/**
 * The back-office API under {@code /api/v1} (F-API-1): its own stateless security filter chain (bearer tokens of the
 * {@code tokens} module, never a session or cookie), errors as {@code application/problem+json} (RFC 9457), and the
 * HTTP plumbing every resource uses. The resources live in sub-packages.
 *
 * <p>Public API: {@link dev.latchkey.api.ApiScope}, {@link dev.latchkey.api.ApiCaller} (the principal of an API
 * request, {@code @AuthenticationPrincipal ApiCaller caller}).
 */
@ApplicationModule(allowedDependencies = {"shared", "shared::web", "tokens", "sites", "accounts", "directory", "audit"})
package dev.latchkey.api;

import org.springframework.modulith.ApplicationModule;
