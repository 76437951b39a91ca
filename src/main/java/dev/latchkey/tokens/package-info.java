/**
 * API tokens (F-API-2): a system admin makes them on {@code /admin/api-tokens} with a name, scopes and an expiry; the
 * token is shown once and only its SHA-256 is kept; it can be revoked, and its last use is shown. Also the per-token
 * rate limit, counted in the database so that it holds across nodes. The {@code api} module authenticates each call
 * with {@link dev.latchkey.tokens.ApiTokens} and publishes {@link dev.latchkey.tokens.ApiCalled}, which the audit log
 * records with the token's name; this module depends on neither.
 *
 * <p>Public API: {@link dev.latchkey.tokens.ApiTokens} with {@link dev.latchkey.tokens.TokenScope},
 * {@link dev.latchkey.tokens.IssuedToken}, {@link dev.latchkey.tokens.ValidToken},
 * {@link dev.latchkey.tokens.ApiTokenView} and {@link dev.latchkey.tokens.Admission}; events
 * {@link dev.latchkey.tokens.ApiTokenCreated}, {@link dev.latchkey.tokens.ApiTokenRevoked} and
 * {@link dev.latchkey.tokens.ApiCalled}.
 */
@ApplicationModule(allowedDependencies = {"shared", "shared::web", "signin", "sites"})
package dev.latchkey.tokens;

import org.springframework.modulith.ApplicationModule;
