package dev.latchkey.api.users;

/** The examples of the users resource in the OpenAPI document. */
final class UserExamples {

    static final String USER = """
            {"id": 42, "email": "jan@acme.example", "displayName": "Jan de Vries", "phone": "+31612345678",
             "site": "acme", "mfa": "activated", "strongest": "totp", "factors": ["email", "sms", "totp", "backup"],
             "mfaRequired": true, "locked": false, "pendingEmail": null}""";

    static final String LOCKED = """
            {"id": 42, "email": "jan@acme.example", "displayName": "Jan de Vries", "phone": "+31612345678",
             "site": "acme", "mfa": "activated", "strongest": "totp", "factors": ["email", "sms", "totp", "backup"],
             "mfaRequired": true, "locked": true, "pendingEmail": null}""";

    static final String PAGE = """
            {"items": [{"id": 42, "email": "jan@acme.example", "displayName": "Jan de Vries", "phone": null,
              "site": "acme", "mfa": "not-activated", "strongest": "email", "factors": ["email"],
              "mfaRequired": false, "locked": false, "pendingEmail": null}],
             "next": "dXNlcnM6NDI"}""";

    static final String RESET = """
            {"userId": 42, "sentTo": "jan@acme.example", "pendingEmail": null}""";

    private UserExamples() {}
}
