package dev.latchkey.api.users;

import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /api/v1/users/{id}/require-2fa}: the value "2FA required" is set to. */
record RequireMfaRequest(@NotNull Boolean required) {}
